package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.SessionEnded;
import io.sluice.ingest.support.Metrics;
import io.sluice.ingest.support.RtmpBytes;
import io.sluice.ingest.support.ServerClose;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RawRtmpClient;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import io.sluice.testkit.TrustingTls;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLEngine;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Every time, size and count limit ends what breaks it, and is counted. */
@QuarkusTest
@TestProfile(TightLimitsProfile.class)
class LimitsTest {

    @ConfigProperty(name = "sluice.ingest.rtmp.port")
    int rtmpPort;

    @ConfigProperty(name = "sluice.ingest.rtmps.port")
    int rtmpsPort;

    @Inject
    TestRegistry registry;

    @Test
    void aSlowHandshakeOfOneBytePerSecondIsCutOffAndTheRestCarriesOn() throws Exception {
        try (LiveBystander bystander = LiveBystander.start(registry, rtmpPort)) {
            double before = Metrics.refusals("handshake_timeout");
            try (Socket socket = open("127.0.0.1")) {
                byte[] c0c1 = new byte[1537];
                Arrays.fill(c0c1, (byte) 3);
                assertThat(trickle(socket, c0c1)).as("closed after the 2 s handshake timeout").isTrue();
            }
            assertThat(Metrics.refusals("handshake_timeout")).isEqualTo(before + 1);
            bystander.assertUnharmed();
        }
    }

    @Test
    void anRtmpsConnectionThatNeverSendsItsClientHelloIsCutOff() throws Exception {
        double before = Metrics.refusals("tls_handshake_timeout");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", rtmpsPort), 2000);
            assertThat(ServerClose.within(socket, Duration.ofSeconds(1))).as("not before the timeout").isFalse();
            assertThat(ServerClose.within(socket, Duration.ofSeconds(3))).as("closed after the 2 s handshake timeout").isTrue();
        }
        assertThat(eventuallyRefused("tls_handshake_timeout", before + 1)).isTrue();
    }

    @Test
    void anRtmpsClientHelloOfOneBytePerSecondIsCutOffAndTheRestCarriesOn() throws Exception {
        try (LiveBystander bystander = LiveBystander.start(registry, rtmpPort)) {
            double before = Metrics.refusals("tls_handshake_timeout");
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", rtmpsPort), 2000);
                assertThat(trickle(socket, clientHello())).as("closed after the 2 s handshake timeout").isTrue();
            }
            assertThat(eventuallyRefused("tls_handshake_timeout", before + 1)).isTrue();
            bystander.assertUnharmed();
        }
    }

    @Test
    void aConnectionThatNeverPublishesIsClosed() throws Exception {
        double before = Metrics.refusals("publish_timeout");
        try (Socket socket = open("127.0.0.1")) {
            RtmpBytes.handshake(socket);
            assertThat(ServerClose.within(socket, Duration.ofSeconds(6))).isTrue();
        }
        assertThat(Metrics.refusals("publish_timeout")).isEqualTo(before + 1);
    }

    @Test
    void aPublishedStreamWithoutMediaEndsOnTheIdleTimeout() {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        try (MediaLog log = new MediaLog(stream.streamId());
                RawRtmpClient client = RawRtmpClient.connect("rtmp://localhost:" + rtmpPort + "/live/" + stream.key())) {
            client.awaitPublishing(Duration.ofSeconds(5));

            SessionEnded ended = MediaLog.data(log.awaitSessionEnded(Duration.ofSeconds(6)).getLast(), SessionEnded.class);
            assertThat(ended.reason()).isEqualTo(EndReason.IDLE_TIMEOUT);
        }
    }

    @Test
    void aStreamEndsAtItsMaximumContinuousDuration() {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        registry.update(stream.withLimits(0, 2));
        try (MediaLog log = new MediaLog(stream.streamId());
                Ffmpeg ffmpeg = Ffmpeg.publishLive(TestMedia.testsrcClip(), "rtmp://localhost:" + rtmpPort + "/live/" + stream.key())) {
            SessionEnded ended = MediaLog.data(log.awaitSessionEnded(Duration.ofSeconds(8)).getLast(), SessionEnded.class);

            assertThat(ended.reason()).isEqualTo(EndReason.MAX_DURATION);
            assertThat(Duration.between(ended.startedAt(), ended.endedAt())).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        }
    }

    @Test
    void aStreamOverItsBitrateLimitIsEndedAfterTheGrace() {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        registry.update(stream.withLimits(50, 43_200));
        try (MediaLog log = new MediaLog(stream.streamId());
                Ffmpeg ffmpeg = Ffmpeg.publishLive(TestMedia.testsrcClip(), "rtmp://localhost:" + rtmpPort + "/live/" + stream.key())) {
            SessionEnded ended = MediaLog.data(log.awaitSessionEnded(Duration.ofSeconds(10)).getLast(), SessionEnded.class);

            assertThat(ended.reason()).isEqualTo(EndReason.BITRATE_EXCEEDED);
            assertThat(ended.detail()).contains("over its limit of 50 kbit/s");
        }
    }

    @Test
    void connectionsPerAddressAreLimited() throws Exception {
        double before = Metrics.refusals("too_many_connections_per_address");
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(open("127.0.0.4"));
            }
            try (Socket fourth = open("127.0.0.4")) {
                assertThat(ServerClose.within(fourth, Duration.ofSeconds(2))).as("the fourth from one address").isTrue();
            }
            assertThat(open).allSatisfy(s -> assertThat(ServerClose.within(s, Duration.ofMillis(200))).isFalse());
        } finally {
            closeAll(open);
        }
        assertThat(Metrics.refusals("too_many_connections_per_address")).isEqualTo(before + 1);
    }

    @Test
    void connectionsInAllAreLimited() throws Exception {
        double before = Metrics.refusals("too_many_connections");
        List<Socket> open = new ArrayList<>();
        try {
            for (String address : List.of("127.0.0.5", "127.0.0.6")) {
                for (int i = 0; i < 3; i++) {
                    open.add(open(address));
                }
            }
            try (Socket seventh = open("127.0.0.7")) {
                assertThat(ServerClose.within(seventh, Duration.ofSeconds(2))).as("the seventh in all").isTrue();
            }
        } finally {
            closeAll(open);
        }
        assertThat(Metrics.refusals("too_many_connections")).isEqualTo(before + 1);
    }

    /** Sends {@code bytes} one a second; true once the server has closed the connection (within six seconds). */
    private static boolean trickle(Socket socket, byte[] bytes) {
        OutputStream out;
        try {
            out = socket.getOutputStream();
        } catch (IOException e) {
            return true;
        }
        for (int i = 0; i < Math.min(6, bytes.length); i++) {
            try {
                out.write(bytes[i]);
                out.flush();
            } catch (IOException e) {
                return true;
            }
            if (ServerClose.within(socket, Duration.ofSeconds(1))) {
                return true;
            }
        }
        return false;
    }

    /** A real TLS ClientHello, as the JDK's client sends it. */
    private byte[] clientHello() throws IOException {
        SSLEngine engine = TrustingTls.context().createSSLEngine("localhost", rtmpsPort);
        engine.setUseClientMode(true);
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.allocate(0), out);
        out.flip();
        byte[] hello = new byte[out.remaining()];
        out.get(hello);
        return hello;
    }

    /** The refusal is counted by the listener as the connection closes, a moment after the client sees it. */
    private static boolean eventuallyRefused(String reason, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (Metrics.refusals(reason) != expected) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private Socket open(String localAddress) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(localAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", rtmpPort), 2000);
        // Give the server's accept a moment, so connection counts are what the test says they are.
        ServerClose.within(socket, Duration.ofMillis(100));
        return socket;
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

}

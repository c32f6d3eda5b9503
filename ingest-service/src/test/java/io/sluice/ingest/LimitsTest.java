package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sluice.events.DecodedEvent;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.SessionEnded;
import io.sluice.ingest.support.Metrics;
import io.sluice.ingest.support.RtmpBytes;
import io.sluice.ingest.support.ServerClose;
import io.sluice.ingest.support.ServerStatus;
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
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLEngine;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Every time, size and count limit ends what breaks it, and is counted. */
@QuarkusTest
@TestProfile(TightLimitsProfile.class)
class LimitsTest {

    /** The ingest checks a live session's limits once a second. */
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

    @ConfigProperty(name = "sluice.ingest.rtmp.port")
    int rtmpPort;

    @ConfigProperty(name = "sluice.ingest.limits.bitrate-grace")
    Duration bitrateGrace;

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

    /**
     * An RTMPS connection counts against the limits from the moment it is accepted, before its TLS
     * handshake, and one address may have only two handshakes in progress.
     */
    @Test
    void rtmpsConnectionsCountBeforeTheirHandshakeAndHandshakesPerAddressAreCapped() throws Exception {
        double handshakesBefore = Metrics.refusals("too_many_tls_handshakes_per_address");
        double perAddressBefore = Metrics.refusals("too_many_connections_per_address");
        List<Socket> sockets = new ArrayList<>();
        try {
            sockets.add(openRtmps("127.0.0.7"));
            sockets.add(openRtmps("127.0.0.7"));
            try (Socket third = openRtmps("127.0.0.7")) {
                assertThat(ServerClose.within(third, Duration.ofSeconds(1))).as("a third handshake in progress").isTrue();
            }
            assertThat(eventuallyRefused("too_many_tls_handshakes_per_address", handshakesBefore + 1)).isTrue();
            sockets.add(open("127.0.0.7"));
            try (Socket fourth = openRtmps("127.0.0.7")) {
                assertThat(ServerClose.within(fourth, Duration.ofSeconds(1)))
                        .as("two handshakes and a plain connection make three for the address").isTrue();
            }
            assertThat(eventuallyRefused("too_many_connections_per_address", perAddressBefore + 1)).isTrue();
            assertThat(ServerClose.within(sockets.getFirst(), Duration.ofMillis(100))).as("the first is still waiting").isFalse();
        } finally {
            closeAll(sockets);
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

    /**
     * A client that floods Ping Requests and never reads the answers: once the socket takes no more of our
     * replies the ingest stops reading it, so its writes stall within the kernel's socket buffers instead of
     * the ingest buffering replies at the client's pace (once about 30 MB a second), and the publish timeout
     * closes it as any client that never publishes.
     */
    @Test
    void aClientThatFloodsPingsAndNeverReadsStopsBeingRead() throws Exception {
        double pausesBefore = Metrics.counter("sluice_ingest_backpressure_pauses_total", "cause", "replies");
        double timeoutsBefore = Metrics.refusals("publish_timeout");
        byte[] ping = RtmpBytes.control(4, RtmpBytes.concat(new byte[] {0, 6}, RtmpBytes.u32(0)));
        ByteBuffer flood = ByteBuffer.allocate(ping.length * (64 * 1024 / ping.length));
        while (flood.hasRemaining()) {
            flood.put(ping);
        }
        long written = 0;
        boolean stalled = false;
        try (SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", rtmpPort))) {
            RtmpBytes.handshake(channel.socket());
            channel.configureBlocking(false);
            // Within the 4 s publish timeout: write until the ingest has taken nothing for half a second.
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            long idleSince = System.nanoTime();
            while (!stalled && System.nanoTime() < deadline) {
                if (!flood.hasRemaining()) {
                    flood.rewind();
                }
                int n = channel.write(flood);
                written += n;
                long now = System.nanoTime();
                if (n > 0) {
                    idleSince = now;
                } else {
                    stalled = now - idleSince > Duration.ofMillis(500).toNanos();
                    LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
                }
            }
            assertThat(stalled).as("the ingest stopped reading (%d bytes written)", written).isTrue();
            assertThat(written).as("what the client could write: socket buffers, not the ingest's memory")
                    .isLessThan(32L << 20);
            assertThat(Metrics.counter("sluice_ingest_backpressure_pauses_total", "cause", "replies"))
                    .isGreaterThan(pausesBefore);
            channel.configureBlocking(true);
            assertThat(ServerClose.within(channel.socket(), Duration.ofSeconds(4))).as("closed by the publish timeout").isTrue();
        }
        assertThat(eventuallyRefused("publish_timeout", timeoutsBefore + 1)).isTrue();
    }

    /**
     * 2,000 near-empty audio messages as fast as the socket takes them, against 400 a second with a burst
     * of 400: the session is slowed to its rate, not ended, and every message reaches the media log.
     */
    @Test
    void aFloodOfTinyMessagesIsSlowedToTheRateAndNothingIsLost() {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        double pausesBefore = Metrics.counter("sluice_ingest_backpressure_pauses_total", "cause", "rate");
        try (MediaLog log = new MediaLog(stream.streamId());
                RawRtmpClient client = RawRtmpClient.connect("rtmp://localhost:" + rtmpPort + "/live/" + stream.key())) {
            client.awaitPublishing(Duration.ofSeconds(5));
            for (int i = 0; i < 2000; i++) {
                client.sendAudio(i, new byte[] {(byte) 0xAF, 0x01});
            }

            log.awaitEvent(e -> e instanceof DecodedEvent.Media m && m.event().sequence() == 2000, Duration.ofSeconds(30));
            assertThat(Metrics.counter("sluice_ingest_backpressure_pauses_total", "cause", "rate")).isGreaterThan(pausesBefore);
            assertThat(log.eventsWithin(Duration.ofMillis(100))).noneMatch(MediaLog::isSessionEnded);
        }
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
            ServerStatus.assertToldToStop(ffmpeg, "the stream reached its maximum continuous duration of 2 s");
        }
    }

    /**
     * A PATCH of the duration limit reaches the live session: it ends at its next once-a-second check. The
     * bound is that second and one more for a loaded machine.
     */
    @Test
    void aShorterDurationLimitReachesTheLiveSession() {
        LimitsChanged changed = publishThenChangeLimits(0, 1);

        assertThat(changed.ended().reason()).isEqualTo(EndReason.MAX_DURATION);
        assertThat(Duration.between(changed.applied(), changed.ended().endedAt())).isLessThan(CHECK_INTERVAL.plusSeconds(1));
    }

    /** A PATCH of the bitrate limit reaches the live session: over it, it ends after the grace (1 s here). */
    @Test
    void aLowerBitrateLimitReachesTheLiveSession() {
        LimitsChanged changed = publishThenChangeLimits(50, 43_200);

        assertThat(changed.ended().reason()).isEqualTo(EndReason.BITRATE_EXCEEDED);
        assertThat(changed.ended().detail()).contains("over its limit of 50 kbit/s");
        assertThat(Duration.between(changed.applied(), changed.ended().endedAt()))
                .isLessThan(CHECK_INTERVAL.plus(bitrateGrace).plusSeconds(2));
    }

    /** How a session ended whose limits changed while it was live, and when the ingest held the change. */
    private record LimitsChanged(SessionEnded ended, Instant applied) {
    }

    /** Publishes live and, two seconds into the stream, changes its limits in the registry. */
    private LimitsChanged publishThenChangeLimits(long maxBitrateKbps, long maxDurationSeconds) {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        try (MediaLog log = new MediaLog(stream.streamId());
                Ffmpeg ffmpeg = Ffmpeg.publishLive(TestMedia.testsrcClip(), "rtmp://localhost:" + rtmpPort + "/live/" + stream.key())) {
            log.awaitEvent(e -> e instanceof DecodedEvent.Media m && m.event().rtmpTimestamp() >= 2_000, Duration.ofSeconds(15));
            registry.update(stream.withLimits(maxBitrateKbps, maxDurationSeconds));
            Instant applied = Instant.now();
            return new LimitsChanged(MediaLog.data(log.awaitSessionEnded(Duration.ofSeconds(8)).getLast(), SessionEnded.class),
                    applied);
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
            ServerStatus.assertToldToStop(ffmpeg, "the stream sent ");
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

    /** A TCP connection to the RTMPS port that says nothing: the handshake it has not started is in progress. */
    private Socket openRtmps(String localAddress) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(localAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", rtmpsPort), 2000);
        ServerClose.within(socket, Duration.ofMillis(100));
        return socket;
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

}

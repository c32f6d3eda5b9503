package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sluice.events.data.SessionStarted;
import io.sluice.ingest.support.Metrics;
import io.sluice.ingest.support.RtmpBytes;
import io.sluice.ingest.support.ServerClose;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.ProxyHeaders;
import io.sluice.testkit.RawRtmpClient;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TrustingTls;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Behind a load balancer that speaks the PROXY protocol: the header's client is the one the events, the
 * limits and the logs see, over RTMP and RTMPS (the header comes before TLS), in both versions; a header
 * from outside the trusted sources, and a connection without one, are refused.
 */
@QuarkusTest
@TestProfile(ProxyProtocolProfile.class)
class ProxyProtocolTest {

    @ConfigProperty(name = "sluice.ingest.rtmp.port")
    int rtmpPort;

    @ConfigProperty(name = "sluice.ingest.rtmps.port")
    int rtmpsPort;

    @Inject
    TestRegistry registry;

    static Stream<Arguments> headers() {
        BiFunction<String, Integer, byte[]> v1 = (client, port) -> ProxyHeaders.v1(client, port, "192.0.2.1", 443);
        BiFunction<String, Integer, byte[]> v2 = (client, port) -> ProxyHeaders.v2(client, port, "192.0.2.1", 443);
        return Stream.of(Arguments.of("v1", "rtmp", v1), Arguments.of("v2", "rtmp", v2),
                Arguments.of("v1", "rtmps", v1), Arguments.of("v2", "rtmps", v2));
    }

    @ParameterizedTest(name = "PROXY {0} over {1}")
    @MethodSource("headers")
    void theHeadersClientIsTheSessionsClient(String version, String protocol, BiFunction<String, Integer, byte[]> header) {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        String client = "203.0.113." + (protocol.equals("rtmp") ? 10 : 20) + version.charAt(1);
        try (MediaLog log = new MediaLog(stream.streamId());
                RawRtmpClient encoder = RawRtmpClient.connectBehindProxy(url(protocol, stream.key()), "127.0.0.1",
                        header.apply(client, 50412))) {
            encoder.awaitPublishing(Duration.ofSeconds(10));

            SessionStarted started = MediaLog.data(log.awaitEvent(e -> MediaLog.is(e, SessionStarted.class),
                    Duration.ofSeconds(10)).getLast(), SessionStarted.class);
            assertThat(started.clientAddress()).isEqualTo(client + ":50412");
            assertThat(started.protocol()).isEqualTo(protocol);
        }
    }

    /**
     * A balancer sends the header and the client's first bytes as they come, often in one packet: the TLS
     * ClientHello that arrived with the header still reaches the TLS handshake, which answers it.
     */
    @Test
    void aClientHelloInTheHeadersPacketIsAnswered() throws Exception {
        SSLEngine engine = TrustingTls.context().createSSLEngine("localhost", rtmpsPort);
        engine.setUseClientMode(true);
        ByteBuffer hello = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.allocate(0), hello);
        hello.flip();
        byte[] header = ProxyHeaders.v1("198.51.100.30", 1000, "192.0.2.1", 443);
        byte[] packet = Arrays.copyOf(header, header.length + hello.remaining());
        hello.get(packet, header.length, packet.length - header.length);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", rtmpsPort), 2000);
            socket.getOutputStream().write(packet);
            socket.setSoTimeout(5000);

            assertThat(socket.getInputStream().read()).as("a TLS handshake record: the ServerHello").isEqualTo(0x16);
        }
    }

    /** One connection per address: two clients behind the same balancer are two addresses, the same client twice is not. */
    @Test
    void theLimitsCountTheHeadersClient() throws Exception {
        double refusedBefore = Metrics.refusals("too_many_connections_per_address");
        try (Socket first = behindProxy("127.0.0.1", ProxyHeaders.v1("198.51.100.1", 1000, "192.0.2.1", 1935));
                Socket second = behindProxy("127.0.0.1", ProxyHeaders.v1("198.51.100.2", 1000, "192.0.2.1", 1935));
                Socket again = behindProxy("127.0.0.1", ProxyHeaders.v2("198.51.100.1", 1001, "192.0.2.1", 1935))) {
            RtmpBytes.handshake(first);
            RtmpBytes.handshake(second);
            assertThat(ServerClose.within(again, Duration.ofSeconds(2))).as("the same client a second time").isTrue();
            assertThat(ServerClose.within(first, Duration.ofMillis(100))).isFalse();
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> Metrics.refusals("too_many_connections_per_address") == refusedBefore + 1);
    }

    @Test
    void aHeaderFromAnUntrustedSourceIsRefused() throws Exception {
        double before = Metrics.refusals("proxy_untrusted");
        try (Socket socket = behindProxy("127.0.0.2", ProxyHeaders.v1("198.51.100.9", 1000, "192.0.2.1", 1935))) {
            assertThat(ServerClose.within(socket, Duration.ofSeconds(2))).isTrue();
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> Metrics.refusals("proxy_untrusted") == before + 1);
    }

    @Test
    void aConnectionWithoutAHeaderIsRefused() throws Exception {
        double before = Metrics.refusals("proxy_header_invalid");
        try (Socket socket = behindProxy("127.0.0.1", new byte[0])) {
            socket.getOutputStream().write(new byte[1537]);
            assertThat(ServerClose.within(socket, Duration.ofSeconds(4))).isTrue();
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> Metrics.refusals("proxy_header_invalid") == before + 1);
    }

    private String url(String protocol, String key) {
        return protocol + "://localhost:" + (protocol.equals("rtmp") ? rtmpPort : rtmpsPort) + "/live/" + key;
    }

    private Socket behindProxy(String from, byte[] header) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", rtmpPort), 2000);
        socket.getOutputStream().write(header);
        return socket;
    }
}

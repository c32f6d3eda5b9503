package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.ingest.support.Metrics;
import io.sluice.testkit.ExternalTool;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import io.sluice.testkit.TrustingTls;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemKeyCertOptions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TLS 1.2 and 1.3 with forward-secret AEAD suites only, and a certificate replaced without a restart.
 *
 * <p>The JDK refuses some of what the policy refuses by itself. This test JVM lifts the JDK's restrictions
 * (ingest-service/src/test/resources/jdk-tls-unrestricted.security), and each refusal is checked against
 * a control: the same client handshake succeeds with a plain JDK TLS server in this JVM, holding the same
 * certificate, and fails with the ingest. So what refuses it is the ingest's policy.
 */
@QuarkusTest
@TestProfile(PemCertificateProfile.class)
class TlsTest {

    @ConfigProperty(name = "sluice.ingest.rtmps.port")
    int rtmpsPort;

    @Inject
    TestRegistry registry;

    @Inject
    Vertx vertx;

    @Test
    void tls12AndTls13AreAccepted() throws Exception {
        try (SSLSocket tls13 = handshake("TLSv1.3", null); SSLSocket tls12 = handshake("TLSv1.2", null)) {
            assertThat(tls13.getSession().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(tls12.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void theTestJvmWouldSpeakOldTlsItself() {
        assertThat(Security.getProperty("jdk.tls.disabledAlgorithms")).as("the JDK's own restrictions are lifted").isBlank();
    }

    static Stream<Arguments> refusedByThePolicy() {
        return Stream.of(
                Arguments.of("TLS 1.1", "TLSv1.1", null),
                Arguments.of("TLS 1.0", "TLSv1", null),
                Arguments.of("ECDHE with AES-CBC (no AEAD)", "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"),
                Arguments.of("ECDHE with AES-256-CBC (no AEAD)", "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"),
                Arguments.of("finite-field DHE with AES-GCM", "TLSv1.2", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"),
                Arguments.of("static RSA key exchange (no forward secrecy)", "TLSv1.2", "TLS_RSA_WITH_AES_128_GCM_SHA256"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedByThePolicy")
    void aHandshakeTheJdkWouldAcceptIsRefused(String name, String protocol, String cipherSuite) throws Exception {
        try (ControlServer control = new ControlServer(vertx)) {
            try (SSLSocket accepted = handshake(control.port(), protocol, cipherSuite)) {
                assertThat(accepted.getSession().getProtocol()).as("a plain JDK server speaks it").isEqualTo(protocol);
            }
        }
        double before = Metrics.counter("sluice_ingest_refusals_total", "reason", "tls_handshake_failed");

        assertThatThrownBy(() -> handshake(rtmpsPort, protocol, cipherSuite)).as("the ingest does not").isInstanceOf(SSLHandshakeException.class);
        assertThat(eventually(() -> Metrics.counter("sluice_ingest_refusals_total", "reason", "tls_handshake_failed") == before + 1))
                .as("counted as a refusal").isTrue();
    }

    @Test
    void opensslOfferingOnlyTls11IsRefused() throws Exception {
        Process openssl = new ProcessBuilder(ExternalTool.require("openssl").toString(), "s_client", "-connect",
                "127.0.0.1:" + rtmpsPort, "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0").redirectErrorStream(true).start();
        openssl.getOutputStream().close();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(20, TimeUnit.SECONDS)).isTrue();

        assertThat(openssl.exitValue()).as(output).isNotZero();
        assertThat(output).contains("alert protocol version").contains("Cipher is (NONE)");
    }

    @Test
    void aReplacedCertificateServesNewConnectionsWhileLiveOnesCarryOn() throws Exception {
        assertThat(serialOfFreshConnection()).isEqualTo(1001);
        RegistryWriter.TestStream stream = registry.createStream("acme");
        try (MediaLog log = new MediaLog(stream.streamId());
                Ffmpeg ffmpeg = Ffmpeg.publishLive(TestMedia.testsrcClip(),
                        "rtmps://localhost:" + rtmpsPort + "/live/" + stream.key())) {
            log.awaitEvent(e -> MediaLog.is(e, SessionStarted.class), Duration.ofSeconds(10));

            PemCertificateProfile.writeCertificate(1002);

            // Handshakes back to back through the swap: not one of them may be turned away.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (serialOfFreshConnection() != 1002 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(serialOfFreshConnection()).as("new connections get the new certificate").isEqualTo(1002);
            assertThat(ffmpeg.isAlive()).as("the live encoder kept its connection").isTrue();
            // A session cut by the swap would end within the ingest's once-a-second check; two seconds of the log show none.
            assertThat(log.eventsWithin(Duration.ofSeconds(2))).noneMatch(e -> MediaLog.is(e, SessionEnded.class));
        }
    }

    private int serialOfFreshConnection() throws Exception {
        try (SSLSocket socket = handshake("TLSv1.3", null)) {
            X509Certificate certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            return certificate.getSerialNumber().intValueExact();
        }
    }

    private SSLSocket handshake(String protocol, String cipherSuite) throws Exception {
        return handshake(rtmpsPort, protocol, cipherSuite);
    }

    private static SSLSocket handshake(int port, String protocol, String cipherSuite) throws Exception {
        SSLSocket socket = (SSLSocket) TrustingTls.context().getSocketFactory().createSocket("127.0.0.1", port);
        socket.setEnabledProtocols(new String[] {protocol});
        if (cipherSuite != null) {
            socket.setEnabledCipherSuites(new String[] {cipherSuite});
        }
        socket.setSoTimeout(5000);
        socket.startHandshake();
        return socket;
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** A plain JDK TLS server with the ingest's certificate and no policy of its own: the control. */
    private static final class ControlServer implements AutoCloseable {

        private final SSLServerSocket server;
        private final Thread acceptor;

        ControlServer(Vertx vertx) throws Exception {
            KeyManagerFactory keys = new PemKeyCertOptions().setCertPath(PemCertificateProfile.CERTIFICATE.toString())
                    .setKeyPath(PemCertificateProfile.KEY.toString()).getKeyManagerFactory(vertx);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
            server.setEnabledProtocols(server.getSupportedProtocols());
            server.setEnabledCipherSuites(server.getSupportedCipherSuites());
            acceptor = Thread.ofPlatform().daemon().start(() -> {
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                    socket.startHandshake();
                    socket.getInputStream().read();
                } catch (IOException e) {
                    // The client closed, or the handshake failed: the client's side says which.
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            server.close();
            acceptor.join(5000);
        }
    }
}

package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sluice.media.event.data.SessionEnded;
import io.sluice.media.event.data.SessionStarted;
import io.sluice.testkit.ExternalTool;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import io.sluice.testkit.TrustingTls;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** TLS 1.2 and 1.3 with forward-secret AEAD suites only, and a certificate replaced without a restart. */
@QuarkusTest
@TestProfile(PemCertificateProfile.class)
class TlsTest {

    @ConfigProperty(name = "sluice.ingest.rtmps.port")
    int rtmpsPort;

    @Inject
    TestRegistry registry;

    @Test
    void tls12AndTls13AreAccepted() throws Exception {
        try (SSLSocket tls13 = handshake("TLSv1.3", null); SSLSocket tls12 = handshake("TLSv1.2", null)) {
            assertThat(tls13.getSession().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(tls12.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void tls11IsRefused() throws Exception {
        Process openssl = new ProcessBuilder(ExternalTool.require("openssl").toString(), "s_client", "-connect",
                "127.0.0.1:" + rtmpsPort, "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0").redirectErrorStream(true).start();
        openssl.getOutputStream().close();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(20, TimeUnit.SECONDS)).isTrue();

        assertThat(openssl.exitValue()).as(output).isNotZero();
        assertThat(output).contains("alert protocol version").contains("Cipher is (NONE)");
    }

    @Test
    void aTls12SuiteWithoutForwardSecrecyOrAeadIsRefused() {
        assertThatThrownBy(() -> handshake("TLSv1.2", "TLS_RSA_WITH_AES_128_CBC_SHA")).isInstanceOf(SSLHandshakeException.class);
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
            Thread.sleep(1000);
            assertThat(log.awaitEvent(e -> true, Duration.ofSeconds(2))).noneMatch(e -> MediaLog.is(e, SessionEnded.class));
        }
    }

    private int serialOfFreshConnection() throws Exception {
        try (SSLSocket socket = handshake("TLSv1.3", null)) {
            X509Certificate certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            return certificate.getSerialNumber().intValueExact();
        }
    }

    private SSLSocket handshake(String protocol, String cipherSuite) throws Exception {
        SSLSocket socket = (SSLSocket) TrustingTls.context().getSocketFactory().createSocket("127.0.0.1", rtmpsPort);
        socket.setEnabledProtocols(new String[] {protocol});
        if (cipherSuite != null) {
            socket.setEnabledCipherSuites(new String[] {cipherSuite});
        }
        socket.setSoTimeout(5000);
        socket.startHandshake();
        return socket;
    }
}

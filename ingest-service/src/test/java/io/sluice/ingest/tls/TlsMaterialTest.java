package io.sluice.ingest.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.ingest.config.IngestConfig;
import io.sluice.testkit.ExternalTool;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsMaterialTest {

    private static Vertx vertx;

    @TempDir
    Path dir;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close();
    }

    @Test
    void aMatchingPairLoadsWithTheTlsPolicy() throws Exception {
        makePair("a");

        TlsMaterial material = TlsMaterial.load(pem("a.crt", "a.key"), vertx);

        String alias = material.keyManager().chooseServerAlias("RSA", null, null);
        assertThat(material.keyManager().getCertificateChain(alias)[0].getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat(TlsMaterial.PROTOCOLS).containsExactlyInAnyOrder("TLSv1.2", "TLSv1.3");
        assertThat(TlsMaterial.CIPHER_SUITES).allMatch(s -> s.startsWith("TLS_AES")
                || s.startsWith("TLS_CHACHA20") || s.contains("_ECDHE_"));
    }

    @Test
    void aKeyFromAnotherPairIsRefused() throws Exception {
        makePair("a");
        makePair("b");

        assertThatThrownBy(() -> TlsMaterial.load(pem("a.crt", "b.key"), vertx))
                .hasMessageContaining("does not belong to its certificate");
    }

    @Test
    void materialMatchesTheFilesItWasLoadedFromUntilOneIsReplaced() throws Exception {
        makePair("a");
        makePair("b");
        TlsMaterial loaded = TlsMaterial.load(pem("a.crt", "a.key"), vertx);

        assertThat(loaded.matchesFiles(pem("a.crt", "a.key"))).isTrue();
        assertThat(loaded.matchesFiles(pem("b.crt", "b.key"))).isFalse();
        Files.copy(dir.resolve("b.key"), dir.resolve("a.key"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(loaded.matchesFiles(pem("a.crt", "a.key"))).as("a replaced key alone").isFalse();
    }

    @Test
    void aSwapServesTheNewPairWhileAHandshakeHalfWayThroughFinishesWithTheOld() throws Exception {
        makePair("a");
        makePair("b");
        makePair("c");
        TlsMaterial a = TlsMaterial.load(pem("a.crt", "a.key"), vertx);
        TlsMaterial b = TlsMaterial.load(pem("b.crt", "b.key"), vertx);
        SwappableKeyManager keys = new SwappableKeyManager(a.keyManager());
        String before = keys.chooseEngineServerAlias("RSA", null, null);

        keys.swap(b.keyManager());
        String after = keys.chooseEngineServerAlias("RSA", null, null);

        assertThat(keys.getCertificateChain(before)).isEqualTo(a.keyManager().getCertificateChain(
                a.keyManager().chooseEngineServerAlias("RSA", null, null)));
        assertThat(keys.getCertificateChain(after)).isEqualTo(b.keyManager().getCertificateChain(
                b.keyManager().chooseEngineServerAlias("RSA", null, null)));
        assertThat(keys.getPrivateKey(after)).isNotEqualTo(keys.getPrivateKey(before));

        keys.swap(TlsMaterial.load(pem("c.crt", "c.key"), vertx).keyManager());
        assertThat(keys.getPrivateKey(before)).as("two swaps ago").isNull();
        assertThat(keys.getPrivateKey("not-an-alias")).isNull();
    }

    @Test
    void noCertificateConfiguredSaysWhatToSet() {
        assertThatThrownBy(() -> TlsMaterial.load(tls(null, null), vertx))
                .hasMessageContaining("sluice.ingest.rtmps.tls.certificate");
    }

    private void makePair(String name) throws Exception {
        Process openssl = new ProcessBuilder(ExternalTool.require("openssl").toString(), "req", "-x509", "-newkey", "rsa:2048",
                "-nodes", "-keyout", dir.resolve(name + ".key").toString(), "-out", dir.resolve(name + ".crt").toString(),
                "-days", "1", "-subj", "/CN=localhost").redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(dir.resolve(name + ".key"))).isTrue();
    }

    private IngestConfig.Tls pem(String certificate, String key) {
        return tls(dir.resolve(certificate).toString(), dir.resolve(key).toString());
    }

    private static IngestConfig.Tls tls(String certificate, String key) {
        return new IngestConfig.Tls() {
            @Override
            public Optional<String> certificate() {
                return Optional.ofNullable(certificate);
            }

            @Override
            public Optional<String> key() {
                return Optional.ofNullable(key);
            }

            @Override
            public Optional<String> keystore() {
                return Optional.empty();
            }

            @Override
            public Optional<String> keystorePassword() {
                return Optional.empty();
            }

            @Override
            public Duration reloadCheckInterval() {
                return Duration.ofSeconds(5);
            }
        };
    }
}

package io.sluice.stack.provision;

import io.sluice.stack.StackException;
import io.sluice.stack.process.ManagedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The local stack's RTMPS certificate: a self-signed one for {@code localhost}, made once with the JDK's
 * keytool into a PKCS#12 keystore, with the certificate also as PEM for people to trust.
 */
public record SelfSignedCertificate(Path keystore, String password, Path certificatePem) {

    public static SelfSignedCertificate in(Path dir) {
        return new SelfSignedCertificate(dir.resolve("ingest.p12"), "sluice-local-tls", dir.resolve("ingest-cert.pem"));
    }

    /** Makes the certificate unless it exists; {@code log} receives keytool's output. */
    public void ensure(Path javaHome, ManagedProcess log) {
        if (Files.isRegularFile(keystore) && Files.isRegularFile(certificatePem)) {
            return;
        }
        try {
            Files.createDirectories(keystore.getParent());
            Files.deleteIfExists(keystore);
        } catch (IOException e) {
            throw new StackException("cannot prepare " + keystore.getParent() + ": " + e.getMessage());
        }
        String keytool = javaHome.resolve("bin/keytool").toString();
        // RSA rather than ECDSA: every encoder's TLS stack, old hardware ones included, speaks it.
        run(log, List.of(keytool, "-genkeypair", "-alias", "ingest", "-keyalg", "RSA", "-keysize", "2048",
                "-sigalg", "SHA256withRSA", "-validity", "825", "-dname", "CN=localhost,O=Sluice local stack",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", password, "-keypass", password));
        run(log, List.of(keytool, "-exportcert", "-rfc", "-alias", "ingest", "-keystore", keystore.toString(),
                "-storepass", password, "-file", certificatePem.toString()));
    }

    private void run(ManagedProcess log, List<String> command) {
        int code = log.runToCompletion(command, Map.of(), keystore.getParent(), Duration.ofSeconds(60));
        if (code != 0) {
            throw new StackException("keytool failed making the RTMPS certificate; see " + log.logFile());
        }
    }
}

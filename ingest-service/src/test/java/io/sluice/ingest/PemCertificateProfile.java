package io.sluice.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.sluice.testkit.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** RTMPS from PEM files made by openssl, re-read every second, so a test can replace them. */
public class PemCertificateProfile implements QuarkusTestProfile {

    static final Path DIR = tempDir();
    static final Path CERTIFICATE = DIR.resolve("cert.pem");
    static final Path KEY = DIR.resolve("key.pem");

    static {
        writeCertificate(1001);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "sluice.ingest.rtmps.tls.keystore", "",
                "sluice.ingest.rtmps.tls.certificate", CERTIFICATE.toString(),
                "sluice.ingest.rtmps.tls.key", KEY.toString(),
                "sluice.ingest.rtmps.tls.reload-check-interval", "1s");
    }

    /** A self-signed certificate for localhost with this serial number, swapped in atomically. */
    static void writeCertificate(int serial) {
        try {
            Path newKey = DIR.resolve("key.new");
            Path newCert = DIR.resolve("cert.new");
            Process openssl = new ProcessBuilder(ExternalTool.require("openssl").toString(), "req", "-x509", "-newkey", "rsa:2048",
                    "-nodes", "-keyout", newKey.toString(), "-out", newCert.toString(), "-days", "2", "-subj", "/CN=localhost",
                    "-set_serial", Integer.toString(serial)).redirectErrorStream(true).start();
            openssl.getInputStream().readAllBytes();
            if (!openssl.waitFor(30, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
                throw new IllegalStateException("openssl could not make a certificate");
            }
            Files.move(newKey, KEY, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(newCert, CERTIFICATE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("sluice-rtmps-pem");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}

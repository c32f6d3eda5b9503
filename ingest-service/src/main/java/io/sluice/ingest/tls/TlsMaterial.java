package io.sluice.ingest.tls;

import io.sluice.ingest.config.IngestConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PfxOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The RTMPS server's certificate and key, read from the configured files, and the TLS policy. The digest
 * of the file contents tells the watcher that a file was replaced.
 */
public record TlsMaterial(X509ExtendedKeyManager keyManager, byte[] digest) {

    /** TLS 1.2 and 1.3 only: older versions have known weaknesses and no encoder needs them. */
    public static final Set<String> PROTOCOLS = new LinkedHashSet<>(List.of("TLSv1.3", "TLSv1.2"));

    /** Forward-secret AEAD suites only. TLS 1.3 suites are all of that kind; for 1.2 we pick ECDHE + GCM/ChaCha20. */
    public static final Set<String> CIPHER_SUITES = new LinkedHashSet<>(List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"));

    /**
     * Reads the configured files and checks that the key belongs to the certificate: files replaced one by
     * one can be caught half way, and a mismatched pair must never be served.
     */
    public static TlsMaterial load(IngestConfig.Tls tls, Vertx vertx) {
        List<byte[]> files = readFiles(tls);
        KeyCertOptions keyCert = tls.keystore().isPresent()
                ? new PfxOptions().setValue(Buffer.buffer(files.get(0))).setPassword(tls.keystorePassword().orElse(""))
                : new PemKeyCertOptions().addCertValue(Buffer.buffer(files.get(0))).addKeyValue(Buffer.buffer(files.get(1)));
        X509ExtendedKeyManager keys = keyManager(keyCert, vertx);
        requireKeyMatchesCertificate(keys);
        return new TlsMaterial(keys, digest(files));
    }

    /**
     * Whether the configured files still hold what this material was loaded from. Reading and hashing them
     * is cheap; loading is not (a PKCS#12 store derives its keys with thousands of HMAC rounds, and the pair
     * check signs), so the watcher loads only what changed.
     */
    public boolean matchesFiles(IngestConfig.Tls tls) {
        return Arrays.equals(digest, digest(readFiles(tls)));
    }

    /** The keystore, or the certificate and the key, in that order. */
    private static List<byte[]> readFiles(IngestConfig.Tls tls) {
        if (tls.keystore().isPresent()) {
            return List.of(read(tls.keystore().get(), "keystore"));
        }
        if (tls.certificate().isPresent() && tls.key().isPresent()) {
            return List.of(read(tls.certificate().get(), "certificate"), read(tls.key().get(), "key"));
        }
        throw new IllegalStateException("RTMPS needs a certificate: set sluice.ingest.rtmps.tls.certificate and .key "
                + "(PEM files) or sluice.ingest.rtmps.tls.keystore (PKCS#12)");
    }

    private static byte[] digest(List<byte[]> files) {
        MessageDigest digest = sha256();
        files.forEach(digest::update);
        return digest.digest();
    }

    private static X509ExtendedKeyManager keyManager(KeyCertOptions keyCert, Vertx vertx) {
        try {
            if (keyCert.getKeyManagerFactory(vertx).getKeyManagers()[0] instanceof X509ExtendedKeyManager keys) {
                return keys;
            }
        } catch (Exception e) {
            throw new IllegalStateException("the RTMPS certificate or key cannot be read: " + e.getMessage(), e);
        }
        throw new IllegalStateException("the RTMPS certificate or key gave no X.509 key manager");
    }

    private static void requireKeyMatchesCertificate(X509ExtendedKeyManager keys) {
        String[] aliases = keys.getServerAliases("RSA", null);
        if (aliases == null || aliases.length == 0) {
            aliases = keys.getServerAliases("EC", null);
        }
        if (aliases == null || aliases.length == 0) {
            throw new IllegalStateException("the RTMPS keystore holds no RSA or EC key with a certificate");
        }
        for (String alias : aliases) {
            PrivateKey key = keys.getPrivateKey(alias);
            X509Certificate[] chain = keys.getCertificateChain(alias);
            if (key == null || chain == null || chain.length == 0 || !signs(key, chain[0])) {
                throw new IllegalStateException("the RTMPS key does not belong to its certificate (" + alias + ")");
            }
        }
    }

    private static boolean signs(PrivateKey key, X509Certificate certificate) {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256with" + key.getAlgorithm();
        try {
            byte[] probe = "sluice".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] read(String path, String what) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the RTMPS " + what + " " + path + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

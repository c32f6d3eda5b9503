package io.sluice.simulcast.crypto;

import io.sluice.simulcast.config.SimulcastConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts target stream keys with AES-256-GCM: a fresh 12-byte nonce per value, stored before the ciphertext,
 * and the key id as associated data, so that a ciphertext cannot be passed off as one of another key. Decrypting
 * picks the key by the id stored with the row, which is what makes rotation work.
 */
@ApplicationScoped
public class KeyCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A ciphertext and the id of the key that made it. */
    public record Sealed(String keyId, byte[] ciphertext) {
    }

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    @Inject
    KeyCipher(SimulcastConfig config) {
        this(config.encryption().activeKeyId(), config.encryption().keys());
    }

    /** @param keys {@code id:base64,id:base64}, every key 32 bytes */
    public KeyCipher(String activeKeyId, String keys) {
        this.keys = parse(keys);
        this.activeKeyId = activeKeyId;
        if (!this.keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("sluice.simulcast.encryption.keys holds no key with the active id "
                    + activeKeyId);
        }
    }

    public Sealed seal(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, activeKeyId, nonce);
            byte[] encrypted = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new Sealed(activeKeyId, ByteBuffer.allocate(NONCE_BYTES + encrypted.length).put(nonce).put(encrypted)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public String open(Sealed sealed) {
        if (!keys.containsKey(sealed.keyId())) {
            throw new IllegalStateException("no encryption key with id " + sealed.keyId() + " is configured");
        }
        byte[] value = sealed.ciphertext();
        try {
            byte[] nonce = java.util.Arrays.copyOf(value, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, sealed.keyId(), nonce);
            return new String(cipher.doFinal(value, NONCE_BYTES, value.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a target key does not decrypt with key " + sealed.keyId(), e);
        }
    }

    private Cipher cipher(int mode, String keyId, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static Map<String, SecretKey> parse(String keys) {
        Map<String, SecretKey> parsed = new LinkedHashMap<>();
        for (String entry : keys.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("sluice.simulcast.encryption.keys: expected id:base64, got an entry"
                        + " without an id");
            }
            byte[] key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            if (key.length != 32) {
                throw new IllegalArgumentException("sluice.simulcast.encryption.keys: key "
                        + trimmed.substring(0, colon) + " is " + key.length + " bytes, not 32");
            }
            parsed.put(trimmed.substring(0, colon), new SecretKeySpec(key, "AES"));
        }
        return parsed;
    }
}

package io.sluice.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How the registry names a stream key without holding it: the lower-case hex SHA-256 of its UTF-8 bytes.
 * Keys carry 256 random bits, so a fast hash is enough (there is nothing to guess); slow password hashes
 * protect low-entropy secrets, which these are not.
 */
public final class StreamKeyHash {

    private StreamKeyHash() {
    }

    public static String of(String streamKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(streamKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Compares two hashes in time that does not depend on where they differ. */
    public static boolean matches(String expectedHash, String actualHash) {
        return MessageDigest.isEqual(expectedHash.getBytes(StandardCharsets.US_ASCII),
                actualHash.getBytes(StandardCharsets.US_ASCII));
    }
}

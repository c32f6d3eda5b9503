package io.sluice.media.rtmp.handshake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 arithmetic of the digest handshake. C1/S1 carry a digest of the packet without the
 * digest bytes, keyed with the first 30 (player) or 36 (server) bytes of the Genuine Adobe keys; C2/S2
 * end with a digest of their first 1504 bytes, keyed with the HMAC of the peer's C1/S1 digest under the
 * full key.
 */
final class HandshakeDigest {

    static final int PACKET_SIZE = 1536;
    static final int DIGEST_SIZE = 32;
    static final int RTMP_VERSION = 3;

    private static final byte[] KEY_SUFFIX = {
        (byte) 0xF0, (byte) 0xEE, (byte) 0xC2, 0x4A, (byte) 0x80, 0x68, (byte) 0xBE, (byte) 0xE8,
        0x2E, 0x00, (byte) 0xD0, (byte) 0xD1, 0x02, (byte) 0x9E, 0x7E, 0x57,
        0x6E, (byte) 0xEC, 0x5D, 0x2D, 0x29, (byte) 0x80, 0x6F, (byte) 0xAB,
        (byte) 0x93, (byte) 0xB8, (byte) 0xE6, 0x36, (byte) 0xCF, (byte) 0xEB, 0x31, (byte) 0xAE,
    };

    private static final byte[] PLAYER_TEXT = "Genuine Adobe Flash Player 001".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_TEXT =
            "Genuine Adobe Flash Media Server 001".getBytes(StandardCharsets.US_ASCII);

    /** The 30-byte key a client signs C1 with. */
    static final byte[] PLAYER_KEY_PUBLIC = PLAYER_TEXT;
    /** The 62-byte key a client signs C2 with (keyed by the server's S1 digest). */
    static final byte[] PLAYER_KEY_FULL = concat(PLAYER_TEXT, KEY_SUFFIX);
    /** The 36-byte key a server signs S1 with. */
    static final byte[] SERVER_KEY_PUBLIC = SERVER_TEXT;
    /** The 68-byte key a server signs S2 with (keyed by the client's C1 digest). */
    static final byte[] SERVER_KEY_FULL = concat(SERVER_TEXT, KEY_SUFFIX);

    private HandshakeDigest() {
    }

    /** The digest of {@code packet} with its 32 digest bytes at {@code offset} left out. */
    static byte[] packetDigest(byte[] packet, int offset, byte[] key) {
        Mac mac = hmac(key);
        mac.update(packet, 0, offset);
        mac.update(packet, offset + DIGEST_SIZE, PACKET_SIZE - offset - DIGEST_SIZE);
        return mac.doFinal();
    }

    /** Whether {@code packet} carries a valid digest at the place {@code schema} computes. */
    static boolean hasValidDigest(byte[] packet, DigestSchema schema, byte[] key) {
        int offset = schema.digestOffset(packet);
        byte[] expected = packetDigest(packet, offset, key);
        return MessageDigest.isEqual(expected, Arrays.copyOfRange(packet, offset, offset + DIGEST_SIZE));
    }

    /** The digest {@code packet} carries at the place {@code schema} computes. */
    static byte[] digestAt(byte[] packet, DigestSchema schema) {
        int offset = schema.digestOffset(packet);
        return Arrays.copyOfRange(packet, offset, offset + DIGEST_SIZE);
    }

    /** Writes the digest into {@code packet} at the place {@code schema} computes from its current bytes. */
    static void imprint(byte[] packet, DigestSchema schema, byte[] key) {
        int offset = schema.digestOffset(packet);
        System.arraycopy(packetDigest(packet, offset, key), 0, packet, offset, DIGEST_SIZE);
    }

    /** The last 32 bytes of a C2/S2 answering a C1/S1 whose digest was {@code peerDigest}. */
    static byte[] answerDigest(byte[] answer, byte[] peerDigest, byte[] fullKey) {
        Mac mac = hmac(hmac(fullKey).doFinal(peerDigest));
        mac.update(answer, 0, PACKET_SIZE - DIGEST_SIZE);
        return mac.doFinal();
    }

    /** Whether a C2/S2 ends with the answer to {@code peerDigest}. */
    static boolean isValidAnswer(byte[] answer, byte[] peerDigest, byte[] fullKey) {
        return MessageDigest.isEqual(answerDigest(answer, peerDigest, fullKey),
                Arrays.copyOfRange(answer, PACKET_SIZE - DIGEST_SIZE, PACKET_SIZE));
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}

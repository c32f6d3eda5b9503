package io.sluice.media.rtmp.handshake;

/**
 * Where the 32-byte digest sits in a digest-form C1 or S1. After the 4-byte time and 4-byte version the
 * 1528 remaining bytes are two 764-byte blocks, a key block and a digest block, in either order; the
 * first four bytes of the digest block choose the digest's place within it. The schema numbers follow
 * SRS's naming.
 */
public enum DigestSchema {

    /** Key block first: the digest block starts at byte 772 and its offset bytes are 772..775. */
    SCHEMA_0(772),
    /**
     * Digest block first: the digest block starts at byte 8 and its offset bytes are 8..11. ffmpeg and
     * librtmp send this one.
     */
    SCHEMA_1(8);

    private final int digestBlockStart;

    DigestSchema(int digestBlockStart) {
        this.digestBlockStart = digestBlockStart;
    }

    /** The digest's offset within a 1536-byte packet: base + (sum of the four offset bytes) mod 728. */
    int digestOffset(byte[] packet) {
        int sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += packet[digestBlockStart + i] & 0xFF;
        }
        return digestBlockStart + 4 + sum % 728;
    }
}

package io.sluice.media.codec;

import io.sluice.media.error.MediaFormatException;

/**
 * Reads big-endian bit fields, Exp-Golomb codes (H.264/H.265 clause 9.2) and AV1 {@code uvlc()} (AV1 4.10.3)
 * from a byte range. Every read is bounds-checked: running past the end throws {@link MediaFormatException},
 * never an index exception, and a code with more than 31 leading zeros is refused instead of being looped over.
 */
public final class BitReader {

    /** ue(v) codes a 32-bit value at most; H.264 7.2 says no syntax element needs more. */
    private static final int MAX_LEADING_ZEROS = 31;

    private final byte[] data;
    private final int offset;
    private final long limitBits;
    private long position;

    /** A reader over {@code data[offset .. offset+length)}. */
    public BitReader(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IllegalArgumentException("range out of bounds");
        }
        this.data = data;
        this.offset = offset;
        this.limitBits = (long) length * 8;
    }

    /** A reader over the whole array. */
    public BitReader(byte[] data) {
        this(data, 0, data.length);
    }

    /** Bits not yet read. */
    public long bitsLeft() {
        return limitBits - position;
    }

    /** Bits read so far. */
    public long position() {
        return position;
    }

    /** Whether the reader stands on a byte boundary. */
    public boolean byteAligned() {
        return (position & 7) == 0;
    }

    /** Reads {@code count} (0..32) bits as an unsigned value. */
    public long bits(int count) {
        if (count < 0 || count > 32) {
            throw new IllegalArgumentException("count " + count);
        }
        require(count);
        long value = 0;
        for (int i = 0; i < count; i++) {
            long p = position + i;
            int bit = (data[offset + (int) (p >>> 3)] >>> (7 - (int) (p & 7))) & 1;
            value = (value << 1) | bit;
        }
        position += count;
        return value;
    }

    /** Reads {@code count} (0..31) bits as an int. */
    public int bitsInt(int count) {
        if (count > 31) {
            throw new IllegalArgumentException("count " + count);
        }
        return (int) bits(count);
    }

    /** Reads one bit. */
    public boolean flag() {
        return bits(1) == 1;
    }

    /** Skips {@code count} bits. */
    public void skip(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count " + count);
        }
        require(count);
        position += count;
    }

    /** Skips to the next byte boundary. */
    public void alignToByte() {
        skip((8 - (position & 7)) & 7);
    }

    /** Unsigned Exp-Golomb ue(v), H.264 9.1; 0 .. 2^32-2. */
    public long ue() {
        int zeros = 0;
        while (!flag()) {
            zeros++;
            if (zeros > MAX_LEADING_ZEROS) {
                throw new MediaFormatException("Exp-Golomb code longer than 32 bits");
            }
        }
        return (1L << zeros) - 1 + bits(zeros);
    }

    /** ue(v) that must not exceed {@code max}; {@code name} goes into the error. */
    public int ue(String name, int max) {
        long value = ue();
        if (value > max) {
            throw new MediaFormatException(name + " out of range: " + value + " > " + max);
        }
        return (int) value;
    }

    /** Signed Exp-Golomb se(v), H.264 9.1.1. */
    public long se() {
        long k = ue();
        return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
    }

    /** AV1 uvlc(), AV1 4.10.3: a value of 32 or more leading zeros means 2^32-1. */
    public long uvlc() {
        int zeros = 0;
        while (!flag()) {
            zeros++;
            if (zeros >= 32) {
                return 0xFFFF_FFFFL;
            }
        }
        return (1L << zeros) - 1 + bits(zeros);
    }

    private void require(long count) {
        if (count > limitBits - position) {
            throw new MediaFormatException("bitstream ends early: need " + count + " bits, " + bitsLeft() + " left");
        }
    }
}

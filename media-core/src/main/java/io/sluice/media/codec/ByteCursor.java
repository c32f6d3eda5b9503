package io.sluice.media.codec;

import io.sluice.media.error.MediaFormatException;

/**
 * Reads big-endian byte fields from a byte range, checking every read against what is left: reading past the end
 * is a {@link MediaFormatException}, never an index exception.
 */
public final class ByteCursor {

    private final byte[] data;
    private final int end;
    private int position;

    /** A cursor over {@code data[offset .. offset+length)}. */
    public ByteCursor(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IllegalArgumentException("range out of bounds");
        }
        this.data = data;
        this.position = offset;
        this.end = offset + length;
    }

    /** A cursor over the whole array. */
    public ByteCursor(byte[] data) {
        this(data, 0, data.length);
    }

    /** Bytes left. */
    public int remaining() {
        return end - position;
    }

    /** Absolute index of the next byte in the backing array. */
    public int position() {
        return position;
    }

    /** The backing array, for parsers that hand a sub-range to another parser. */
    public byte[] array() {
        return data;
    }

    /** Reads an unsigned 8-bit value. */
    public int u8() {
        require(1);
        return data[position++] & 0xFF;
    }

    /** Reads an unsigned 16-bit value. */
    public int u16() {
        require(2);
        int value = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    /** Reads an unsigned 24-bit value. */
    public int u24() {
        require(3);
        int value = ((data[position] & 0xFF) << 16) | ((data[position + 1] & 0xFF) << 8)
                | (data[position + 2] & 0xFF);
        position += 3;
        return value;
    }

    /** Reads a signed 24-bit value (two's complement, SI24 in the FLV specification). */
    public int s24() {
        return (u24() << 8) >> 8;
    }

    /** Reads a 32-bit value (as an int; FourCCs and flag sets are compared bitwise). */
    public int u32() {
        require(4);
        int value = ((data[position] & 0xFF) << 24) | ((data[position + 1] & 0xFF) << 16)
                | ((data[position + 2] & 0xFF) << 8) | (data[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    /** Reads {@code length} bytes as an immutable copy. */
    public ImmutableBytes bytes(int length) {
        require(length);
        ImmutableBytes value = ImmutableBytes.copyOf(data, position, length);
        position += length;
        return value;
    }

    /** Reads everything that is left as an immutable copy. */
    public ImmutableBytes rest() {
        return bytes(remaining());
    }

    /** Skips {@code length} bytes. */
    public void skip(int length) {
        require(length);
        position += length;
    }

    /** Fails unless {@code length} more bytes are there. */
    public void require(int length) {
        if (length < 0 || length > end - position) {
            throw new MediaFormatException("data ends early: need " + length + " bytes, " + (end - position)
                    + " left");
        }
    }
}

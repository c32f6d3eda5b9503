package io.sluice.media.cmaf;

import io.sluice.media.error.LimitExceededException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes ISO base media file format boxes (ISO/IEC 14496-12) into a growing buffer: a box is opened with its
 * type, filled, and closed, which writes its 32-bit size back into its header. The buffer grows with what is
 * written and never past {@code maxSize}.
 */
final class BoxWriter {

    private static final int[] NO_BOXES = new int[0];

    private final int maxSize;
    private byte[] buffer;
    private int length;
    private int[] open = NO_BOXES;
    private int depth;

    BoxWriter(int initialCapacity, int maxSize) {
        this.maxSize = maxSize;
        this.buffer = new byte[Math.min(initialCapacity, maxSize)];
    }

    /** Opens a box: its size is written when it is closed. */
    BoxWriter open(String type) {
        if (depth == open.length) {
            open = Arrays.copyOf(open, Math.max(8, open.length * 2));
        }
        open[depth++] = length;
        u32(0);
        fourCc(type);
        return this;
    }

    /** Opens a full box: type, then version and 24 bits of flags. */
    BoxWriter openFull(String type, int version, int flags) {
        open(type);
        return u32((version << 24) | (flags & 0xFF_FFFF));
    }

    /** Closes the innermost open box. */
    BoxWriter close() {
        int start = open[--depth];
        putU32(start, length - start);
        return this;
    }

    BoxWriter u8(int value) {
        ensure(1);
        buffer[length++] = (byte) value;
        return this;
    }

    BoxWriter u16(int value) {
        ensure(2);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
        return this;
    }

    BoxWriter u24(int value) {
        ensure(3);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
        return this;
    }

    BoxWriter u32(long value) {
        ensure(4);
        putU32(length, value);
        length += 4;
        return this;
    }

    BoxWriter u64(long value) {
        u32(value >>> 32);
        return u32(value);
    }

    BoxWriter fourCc(String code) {
        byte[] ascii = code.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length != 4) {
            throw new IllegalArgumentException("a four-character code has four characters: " + code);
        }
        return bytes(ascii, 0, 4);
    }

    BoxWriter zeros(int count) {
        ensure(count);
        Arrays.fill(buffer, length, length + count, (byte) 0);
        length += count;
        return this;
    }

    BoxWriter bytes(byte[] data) {
        return bytes(data, 0, data.length);
    }

    BoxWriter bytes(byte[] data, int offset, int count) {
        ensure(count);
        System.arraycopy(data, offset, buffer, length, count);
        length += count;
        return this;
    }

    /** Overwrites a 32-bit value written earlier, at an absolute position. */
    void putU32(int position, long value) {
        buffer[position] = (byte) (value >>> 24);
        buffer[position + 1] = (byte) (value >>> 16);
        buffer[position + 2] = (byte) (value >>> 8);
        buffer[position + 3] = (byte) value;
    }

    /** Bytes written so far. */
    int length() {
        return length;
    }

    /** A copy of everything written; every box must be closed. */
    byte[] toByteArray() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " boxes still open");
        }
        return Arrays.copyOf(buffer, length);
    }

    private void ensure(int more) {
        long needed = (long) length + more;
        LimitExceededException.check("max_box_bytes", maxSize, needed);
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(maxSize, Math.max(needed, buffer.length * 2L)));
        }
    }
}

package io.sluice.media.amf;

import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A bounds-checked big-endian cursor over one complete AMF payload, shared by the AMF0 and AMF3 readers,
 * which also counts the values read from the payload: an AMF3 value inside AMF0 shares the count.
 */
final class AmfInput {

    private final byte[] data;
    private final int end;
    private int position;
    private int values;

    AmfInput(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        this.data = data;
        this.position = offset;
        this.end = offset + length;
    }

    /** Counts one more value read from this payload against {@link AmfLimits#maxValues()}. */
    void countValue(AmfLimits limits) {
        values++;
        LimitExceededException.check(AmfLimits.MAX_VALUES, limits.maxValues(), values);
    }

    boolean hasRemaining() {
        return position < end;
    }

    int remaining() {
        return end - position;
    }

    int position() {
        return position;
    }

    int peek() {
        require(1);
        return data[position] & 0xFF;
    }

    int u8() {
        require(1);
        return data[position++] & 0xFF;
    }

    int u16() {
        require(2);
        int value = (data[position] & 0xFF) << 8 | data[position + 1] & 0xFF;
        position += 2;
        return value;
    }

    short s16() {
        return (short) u16();
    }

    int s32() {
        require(4);
        int value = (data[position] & 0xFF) << 24 | (data[position + 1] & 0xFF) << 16
                | (data[position + 2] & 0xFF) << 8 | data[position + 3] & 0xFF;
        position += 4;
        return value;
    }

    long u32() {
        return Integer.toUnsignedLong(s32());
    }

    double f64() {
        long high = u32();
        long low = u32();
        return Double.longBitsToDouble(high << 32 | low);
    }

    String utf8(int length) {
        require(length);
        String text = new String(data, position, length, StandardCharsets.UTF_8);
        position += length;
        return text;
    }

    byte[] bytes(int length) {
        require(length);
        byte[] copy = new byte[length];
        System.arraycopy(data, position, copy, 0, length);
        position += length;
        return copy;
    }

    /**
     * Fails unless {@code count} items of at least {@code itemSize} bytes each can still follow; checked
     * before any list is sized from a count read off the wire.
     */
    void requireItems(long count, int itemSize, String what) {
        if (count * itemSize > remaining()) {
            throw new MediaFormatException(what + " declares " + count + " items but only " + remaining()
                    + " bytes remain");
        }
    }

    private void require(long count) {
        if (count > end - position) {
            throw new MediaFormatException("truncated AMF data: need " + count + " bytes at offset " + position
                    + ", have " + (end - position));
        }
    }
}

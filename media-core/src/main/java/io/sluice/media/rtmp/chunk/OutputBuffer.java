package io.sluice.media.rtmp.chunk;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Bytes waiting to be written to the peer: a growable buffer the encoders append to and the caller drains. */
public final class OutputBuffer {

    private byte[] buffer;
    private int size;

    /** An empty buffer of 4 KiB to start with. */
    public OutputBuffer() {
        this(4096);
    }

    /** An empty buffer of {@code initialCapacity} bytes to start with; it grows as needed. */
    public OutputBuffer(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    /** How many bytes wait to be drained. */
    public int size() {
        return size;
    }

    /** Whether nothing waits to be drained. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Everything appended since the last drain, in a buffer ready to read; the output is empty afterwards. */
    public ByteBuffer drain() {
        ByteBuffer out = ByteBuffer.wrap(Arrays.copyOf(buffer, size));
        size = 0;
        return out;
    }

    /** Appends {@code bytes}. */
    public void put(byte[] bytes) {
        put(bytes, 0, bytes.length);
    }

    /** Appends {@code length} bytes of {@code bytes} from {@code offset}. */
    public void put(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    void u8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    void u24(int value) {
        ensure(3);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    void u32(long value) {
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    void u32LittleEndian(int value) {
        ensure(4);
        buffer[size++] = (byte) value;
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 24);
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            long grown = Math.max(2L * buffer.length, (long) size + extra);
            buffer = Arrays.copyOf(buffer, (int) Math.min(Integer.MAX_VALUE - 8, grown));
        }
    }
}

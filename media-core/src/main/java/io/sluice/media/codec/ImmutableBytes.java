package io.sluice.media.codec;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte sequence with value equality, so that records holding media payloads compare by content and
 * a parse, produce, parse round trip can be checked with {@code equals}.
 */
public final class ImmutableBytes {

    /** The empty sequence. */
    public static final ImmutableBytes EMPTY = new ImmutableBytes(new byte[0]);

    private static final int TO_STRING_BYTES = 32;

    private final byte[] bytes;

    private ImmutableBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies {@code bytes}. */
    public static ImmutableBytes copyOf(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new ImmutableBytes(bytes.clone());
    }

    /** Copies {@code length} bytes of {@code bytes} from {@code offset}. */
    public static ImmutableBytes copyOf(byte[] bytes, int offset, int length) {
        return length == 0 ? EMPTY : new ImmutableBytes(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /** The number of bytes. */
    public int length() {
        return bytes.length;
    }

    /** The unsigned byte at {@code index}. */
    public int unsignedByte(int index) {
        return bytes[index] & 0xFF;
    }

    /** A fresh copy of the content. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Copies the content into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImmutableBytes that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Length and the first bytes in hex; enough to tell payloads apart in a test failure. */
    @Override
    public String toString() {
        int shown = Math.min(bytes.length, TO_STRING_BYTES);
        String hex = HexFormat.of().formatHex(bytes, 0, shown);
        return bytes.length + " bytes [" + hex + (shown < bytes.length ? "..." : "") + "]";
    }
}

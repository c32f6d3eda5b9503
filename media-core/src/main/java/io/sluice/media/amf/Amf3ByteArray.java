package io.sluice.media.amf;

import java.util.Arrays;
import java.util.HexFormat;

/** ByteArray type (0x0C). The array is copied in and out, so the value stays immutable. */
public record Amf3ByteArray(byte[] bytes) implements Amf3Value {

    public Amf3ByteArray {
        bytes = bytes.clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] shared() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Amf3ByteArray that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Amf3ByteArray[" + HexFormat.of().formatHex(bytes) + "]";
    }
}

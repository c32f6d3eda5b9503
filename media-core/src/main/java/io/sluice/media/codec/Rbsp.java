package io.sluice.media.codec;

import java.util.Arrays;

/**
 * Removes emulation prevention bytes from a NAL unit payload (H.264 7.4.1, H.265 7.4.2): within the NAL unit,
 * {@code 00 00 03} stands for {@code 00 00}, so that a start code never appears inside it. Bit-exact SPS parsing
 * must read the unescaped bytes.
 */
public final class Rbsp {

    private Rbsp() {
    }

    /** The raw byte sequence payload of {@code nal[offset .. offset+length)}. */
    public static byte[] unescape(byte[] nal, int offset, int length) {
        byte[] out = new byte[length];
        int written = 0;
        int zeros = 0;
        for (int i = offset; i < offset + length; i++) {
            int b = nal[i] & 0xFF;
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            out[written++] = (byte) b;
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return written == length ? out : Arrays.copyOf(out, written);
    }
}

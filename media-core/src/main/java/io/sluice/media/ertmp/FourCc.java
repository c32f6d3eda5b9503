package io.sluice.media.ertmp;

import java.nio.charset.StandardCharsets;

/** Turns a four-character code into its big-endian 32-bit value, as E-RTMP puts it on the wire. */
final class FourCc {

    private FourCc() {
    }

    static int of(String code) {
        byte[] b = code.getBytes(StandardCharsets.US_ASCII);
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }
}

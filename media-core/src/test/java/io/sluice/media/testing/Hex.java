package io.sluice.media.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Test data written as readable hex with spaces, and quoted ASCII between single quotes: {@code "02 00 03 'app'"}. */
public final class Hex {

    private Hex() {
    }

    public static byte[] bytes(String spec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < spec.length()) {
            char c = spec.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int close = spec.indexOf('\'', i + 1);
                out.writeBytes(spec.substring(i + 1, close).getBytes(StandardCharsets.UTF_8));
                i = close + 1;
            } else {
                out.write(HexFormat.fromHexDigits(spec, i, i + 2));
                i += 2;
            }
        }
        return out.toByteArray();
    }

    public static String format(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }
}

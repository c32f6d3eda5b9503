package io.sluice.media.testvectors;

import io.sluice.media.codec.ImmutableBytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/** Loads the committed media vectors and turns readable hex into bytes. */
public final class Vectors {

    /** Every committed FLV file of this module's FLV/E-RTMP vectors. */
    public static final List<String> FLV_FILES = List.of("codec-h264-aac.flv", "codec-h264-mp3.flv",
            "ertmp-hevc-aac.flv", "ertmp-hevc-main10.flv", "ertmp-av1.flv", "ertmp-vp9.flv");

    private Vectors() {
    }

    /** The bytes of {@code src/test/resources/media/<name>}. */
    public static byte[] media(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/media/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test vector " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a committed vector as immutable bytes. */
    public static ImmutableBytes mediaBytes(String name) {
        return ImmutableBytes.copyOf(media(name));
    }

    /** Hex with optional spaces, and ASCII between single quotes: {@code "90 'hvc1' 00"}. */
    public static byte[] hex(String spec) {
        var out = new ByteArrayOutputStream();
        int i = 0;
        while (i < spec.length()) {
            char c = spec.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int close = spec.indexOf('\'', i + 1);
                out.writeBytes(spec.substring(i + 1, close).getBytes(StandardCharsets.US_ASCII));
                i = close + 1;
            } else {
                out.write(HexFormat.fromHexDigits(spec, i, i + 2));
                i += 2;
            }
        }
        return out.toByteArray();
    }

    /** Concatenates byte arrays. */
    public static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

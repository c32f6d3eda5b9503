package io.sluice.recording.domain;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Recording ids: {@code rec_} and 128 random bits in hex, unguessable like every id a playback URL carries. */
public final class RecordingIds {

    public static final int MAX_LENGTH = 40;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("rec_[0-9a-f]{32}");

    private RecordingIds() {
    }

    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "rec_" + HexFormat.of().formatHex(bytes);
    }

    /** Whether {@code text} has the shape of a recording id; anything else is no recording. */
    public static boolean isWellFormed(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }
}

package io.sluice.media.flv;

import io.sluice.media.error.MediaFormatException;

/** FLV TagType (FLV 10.1 E.4.1); the values equal the RTMP message type ids. */
public enum FlvTagType {
    AUDIO(8),
    VIDEO(9),
    SCRIPT_DATA(18);

    private final int code;

    FlvTagType(int code) {
        this.code = code;
    }

    /** The 5-bit TagType value. */
    public int code() {
        return code;
    }

    /** The type for a 5-bit TagType value. */
    public static FlvTagType of(int code) {
        return switch (code) {
            case 8 -> AUDIO;
            case 9 -> VIDEO;
            case 18 -> SCRIPT_DATA;
            default -> throw new MediaFormatException("unknown FLV tag type " + code);
        };
    }
}

package io.sluice.media.ertmp;

import io.sluice.media.error.MediaFormatException;

/** AudioPacketType (E-RTMP v2, ExAudioTagHeader): the 4 bits after SoundFormat 9 (ExHeader). */
public enum AudioPacketType {
    SEQUENCE_START(0),
    CODED_FRAMES(1),
    SEQUENCE_END(2),
    /** Speaker layout for codecs that do not describe it themselves. */
    MULTICHANNEL_CONFIG(4),
    MULTITRACK(5),
    /** Modifier/extension: a ModEx entry follows, then the real packet type. */
    MOD_EX(7);

    /** The constants, made once: {@code values()} copies them on every call, and this is read per message. */
    private static final AudioPacketType[] VALUES = values();

    private final int code;

    AudioPacketType(int code) {
        this.code = code;
    }

    /** The value on the wire. */
    public int code() {
        return code;
    }

    /** The constant for a wire value; anything else is malformed input. */
    public static AudioPacketType of(int code) {
        for (AudioPacketType value : VALUES) {
            if (value.code == code) {
                return value;
            }
        }
        throw new MediaFormatException("unknown AudioPacketType " + code);
    }
}

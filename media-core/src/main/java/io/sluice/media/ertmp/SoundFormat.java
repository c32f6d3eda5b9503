package io.sluice.media.ertmp;

import io.sluice.media.error.MediaFormatException;

/** SoundFormat of a legacy FLV audio tag (FLV 10.1 E.4.2.1); 9 is the E-RTMP ExHeader and 12, 13 are reserved. */
public enum SoundFormat {
    LINEAR_PCM_PLATFORM_ENDIAN(0),
    ADPCM(1),
    MP3(2),
    LINEAR_PCM_LITTLE_ENDIAN(3),
    NELLYMOSER_16KHZ_MONO(4),
    NELLYMOSER_8KHZ_MONO(5),
    NELLYMOSER(6),
    G711_A_LAW(7),
    G711_MU_LAW(8),
    AAC(10),
    SPEEX(11),
    MP3_8KHZ(14),
    DEVICE_SPECIFIC(15);

    /** The constants, made once: {@code values()} copies them on every call, and this is read per message. */
    private static final SoundFormat[] VALUES = values();

    private final int code;

    SoundFormat(int code) {
        this.code = code;
    }

    /** The value on the wire. */
    public int code() {
        return code;
    }

    /** The constant for a wire value; anything else is malformed input. */
    public static SoundFormat of(int code) {
        for (SoundFormat value : VALUES) {
            if (value.code == code) {
                return value;
            }
        }
        throw new MediaFormatException("unknown SoundFormat " + code);
    }
}

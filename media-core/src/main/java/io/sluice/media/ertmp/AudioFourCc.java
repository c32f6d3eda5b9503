package io.sluice.media.ertmp;

import io.sluice.media.error.MediaFormatException;

/** AudioFourCc (E-RTMP v2, Enhanced Audio). An unknown FourCC is malformed input: the spec says fail. */
public enum AudioFourCc {
    AC3("ac-3"),
    EAC3("ec-3"),
    OPUS("Opus"),
    MP3(".mp3"),
    FLAC("fLaC"),
    AAC("mp4a");

    /** The constants, made once: {@code values()} copies them on every call, and this is read per message. */
    private static final AudioFourCc[] VALUES = values();

    private final String code;
    private final int value;

    AudioFourCc(String code) {
        this.code = code;
        this.value = FourCc.of(code);
    }

    /** The four characters, for example {@code Opus}. */
    public String code() {
        return code;
    }

    /** The big-endian 32-bit value on the wire. */
    public int value() {
        return value;
    }

    /** The codec for a wire value. */
    public static AudioFourCc of(int value) {
        for (AudioFourCc fourCc : VALUES) {
            if (fourCc.value == value) {
                return fourCc;
            }
        }
        throw new MediaFormatException("unknown audio FourCC 0x" + Integer.toHexString(value));
    }
}

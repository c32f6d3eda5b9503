package io.sluice.media.ertmp;

import io.sluice.media.error.MediaFormatException;

/** AvMultitrackType (E-RTMP v2, Multitrack), shared by audio and video. */
public enum AvMultitrackType {
    /** One track, no per-track size field. */
    ONE_TRACK(0),
    /** Several tracks of one codec; the FourCC comes once. */
    MANY_TRACKS(1),
    /** Several tracks, each with its own FourCC. */
    MANY_TRACKS_MANY_CODECS(2);

    /** The constants, made once: {@code values()} copies them on every call, and this is read per message. */
    private static final AvMultitrackType[] VALUES = values();

    private final int code;

    AvMultitrackType(int code) {
        this.code = code;
    }

    /** The value on the wire. */
    public int code() {
        return code;
    }

    /** The constant for a wire value; anything else is malformed input. */
    public static AvMultitrackType of(int code) {
        for (AvMultitrackType value : VALUES) {
            if (value.code == code) {
                return value;
            }
        }
        throw new MediaFormatException("unknown AvMultitrackType " + code);
    }
}

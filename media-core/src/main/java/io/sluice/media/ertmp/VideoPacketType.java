package io.sluice.media.ertmp;

import io.sluice.media.error.MediaFormatException;

/** VideoPacketType (E-RTMP v2, ExVideoTagHeader): the 4 bits after the frame type when IsExHeader is set. */
public enum VideoPacketType {
    SEQUENCE_START(0),
    CODED_FRAMES(1),
    SEQUENCE_END(2),
    /** Coded frames with an implied composition time offset of zero. */
    CODED_FRAMES_X(3),
    /** AMF-encoded metadata such as colorInfo (HDR). */
    METADATA(4),
    MPEG2TS_SEQUENCE_START(5),
    MULTITRACK(6),
    /** Modifier/extension: a ModEx entry follows, then the real packet type. */
    MOD_EX(7);

    /** The constants, made once: {@code values()} copies them on every call, and this is read per message. */
    private static final VideoPacketType[] VALUES = values();

    private final int code;

    VideoPacketType(int code) {
        this.code = code;
    }

    /** The value on the wire. */
    public int code() {
        return code;
    }

    /** The constant for a wire value; anything else is malformed input. */
    public static VideoPacketType of(int code) {
        for (VideoPacketType value : VALUES) {
            if (value.code == code) {
                return value;
            }
        }
        throw new MediaFormatException("unknown VideoPacketType " + code);
    }
}

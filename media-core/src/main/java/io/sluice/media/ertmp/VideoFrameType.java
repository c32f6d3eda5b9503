package io.sluice.media.ertmp;

import io.sluice.media.error.MediaFormatException;

/** VideoFrameType (E-RTMP v2, Enhanced Video; legacy FLV FrameType): values 0, 6 and 7 are reserved. */
public enum VideoFrameType {
    /** A seekable frame. */
    KEY(1),
    /** A non-seekable frame. */
    INTER(2),
    /** A disposable inter frame (H.263 only). */
    DISPOSABLE_INTER(3),
    /** A generated key frame (reserved for server use). */
    GENERATED_KEY(4),
    /** A video info/command frame: no video data, a command byte instead (unless the packet is Metadata). */
    COMMAND(5);

    /** The constants, made once: {@code values()} copies them on every call, and this is read per message. */
    private static final VideoFrameType[] VALUES = values();

    private final int code;

    VideoFrameType(int code) {
        this.code = code;
    }

    /** The value on the wire. */
    public int code() {
        return code;
    }

    /** The constant for a wire value; anything else is malformed input. */
    public static VideoFrameType of(int code) {
        for (VideoFrameType value : VALUES) {
            if (value.code == code) {
                return value;
            }
        }
        throw new MediaFormatException("unknown VideoFrameType " + code);
    }
}

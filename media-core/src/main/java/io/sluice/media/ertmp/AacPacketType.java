package io.sluice.media.ertmp;

import io.sluice.media.error.MediaFormatException;

/** AACPacketType of a legacy FLV AAC audio tag (FLV 10.1 E.4.2.1). */
public enum AacPacketType {
    SEQUENCE_HEADER(0),
    RAW(1);

    /** The constants, made once: {@code values()} copies them on every call, and this is read per message. */
    private static final AacPacketType[] VALUES = values();

    private final int code;

    AacPacketType(int code) {
        this.code = code;
    }

    /** The value on the wire. */
    public int code() {
        return code;
    }

    /** The constant for a wire value; anything else is malformed input. */
    public static AacPacketType of(int code) {
        for (AacPacketType value : VALUES) {
            if (value.code == code) {
                return value;
            }
        }
        throw new MediaFormatException("unknown AacPacketType " + code);
    }
}

package io.sluice.media.ertmp;

import io.sluice.media.error.MediaFormatException;

/** AVCPacketType of a legacy FLV AVC video tag (FLV 10.1 E.4.3.1). */
public enum AvcPacketType {
    SEQUENCE_HEADER(0),
    NALU(1),
    END_OF_SEQUENCE(2);

    /** The constants, made once: {@code values()} copies them on every call, and this is read per message. */
    private static final AvcPacketType[] VALUES = values();

    private final int code;

    AvcPacketType(int code) {
        this.code = code;
    }

    /** The value on the wire. */
    public int code() {
        return code;
    }

    /** The constant for a wire value; anything else is malformed input. */
    public static AvcPacketType of(int code) {
        for (AvcPacketType value : VALUES) {
            if (value.code == code) {
                return value;
            }
        }
        throw new MediaFormatException("unknown AvcPacketType " + code);
    }
}

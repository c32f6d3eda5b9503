package io.sluice.media.ertmp;

import io.sluice.media.error.MediaFormatException;

/** AudioChannelOrder (E-RTMP v2, MultichannelConfig). */
public enum AudioChannelOrder {
    /** Only the channel count is known. */
    UNSPECIFIED(0),
    /** Channels in the codec's native order, listed by a 32-bit AudioChannelMask. */
    NATIVE(1),
    /** An explicit speaker (AudioChannel) per channel. */
    CUSTOM(2);

    /** The constants, made once: {@code values()} copies them on every call, and this is read per message. */
    private static final AudioChannelOrder[] VALUES = values();

    private final int code;

    AudioChannelOrder(int code) {
        this.code = code;
    }

    /** The value on the wire. */
    public int code() {
        return code;
    }

    /** The constant for a wire value; anything else is malformed input. */
    public static AudioChannelOrder of(int code) {
        for (AudioChannelOrder value : VALUES) {
            if (value.code == code) {
                return value;
            }
        }
        throw new MediaFormatException("unknown AudioChannelOrder " + code);
    }
}

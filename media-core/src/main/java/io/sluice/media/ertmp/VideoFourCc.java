package io.sluice.media.ertmp;

import io.sluice.media.error.MediaFormatException;

/** VideoFourCc (E-RTMP v2, Enhanced Video). An unknown FourCC is malformed input: the spec says fail. */
public enum VideoFourCc {
    VP8("vp08", false),
    VP9("vp09", false),
    AV1("av01", false),
    AVC("avc1", true),
    HEVC("hvc1", true),
    VVC("vvc1", true);

    /** The constants, made once: {@code values()} copies them on every call, and this is read per message. */
    private static final VideoFourCc[] VALUES = values();

    private final String code;
    private final int value;
    private final boolean compositionTime;

    VideoFourCc(String code, boolean compositionTime) {
        this.code = code;
        this.value = FourCc.of(code);
        this.compositionTime = compositionTime;
    }

    /** The four characters, for example {@code hvc1}. */
    public String code() {
        return code;
    }

    /** The big-endian 32-bit value on the wire. */
    public int value() {
        return value;
    }

    /** Whether CodedFrames of this codec start with an SI24 composition time offset. */
    public boolean hasCompositionTime() {
        return compositionTime;
    }

    /** The codec for a wire value. */
    public static VideoFourCc of(int value) {
        for (VideoFourCc fourCc : VALUES) {
            if (fourCc.value == value) {
                return fourCc;
            }
        }
        throw new MediaFormatException("unknown video FourCC 0x" + Integer.toHexString(value));
    }
}

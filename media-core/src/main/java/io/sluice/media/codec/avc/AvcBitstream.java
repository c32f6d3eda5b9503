package io.sluice.media.codec.avc;

import io.sluice.media.codec.CodecLimits;
import io.sluice.media.codec.NalUnitScanner;

/** Facts about an H.264 access unit in length-prefixed form, read from the NAL unit headers. */
public final class AvcBitstream {

    private static final int NAL_TYPE_IDR = 5;

    private AvcBitstream() {
    }

    /**
     * Whether the access unit holds an IDR slice (nal_unit_type 5, H.264 Table 7-1), which makes it a random
     * access point whatever the container's frame type says.
     */
    public static boolean containsIdr(byte[] sample, int offset, int length, int nalUnitLengthSize,
            CodecLimits limits) {
        return NalUnitScanner.anyNalUnit(sample, offset, length, nalUnitLengthSize, limits,
                header -> (header & 0x1F) == NAL_TYPE_IDR);
    }
}

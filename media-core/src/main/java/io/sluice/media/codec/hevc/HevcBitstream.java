package io.sluice.media.codec.hevc;

import io.sluice.media.codec.CodecLimits;
import io.sluice.media.codec.NalUnitScanner;

/** Facts about an H.265 access unit in length-prefixed form, read from the NAL unit headers. */
public final class HevcBitstream {

    /** BLA_W_LP; H.265 Table 7-1 numbers the IRAP types 16 to 23. */
    private static final int FIRST_IRAP = 16;
    private static final int LAST_IRAP = 23;

    private HevcBitstream() {
    }

    /** Whether the access unit holds an IRAP picture (BLA, IDR or CRA; nal_unit_type 16..23). */
    public static boolean containsIrap(byte[] sample, int offset, int length, int nalUnitLengthSize,
            CodecLimits limits) {
        return NalUnitScanner.anyNalUnit(sample, offset, length, nalUnitLengthSize, limits, header -> {
            int type = (header >>> 1) & 0x3F;
            return type >= FIRST_IRAP && type <= LAST_IRAP;
        });
    }
}

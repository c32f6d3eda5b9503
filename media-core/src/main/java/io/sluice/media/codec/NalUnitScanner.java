package io.sluice.media.codec;

import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import java.util.function.IntPredicate;

/**
 * Walks a sample in length-prefixed NAL unit form (ISO/IEC 14496-15 5.3.2 and 8.3.2, the form FLV and MP4
 * carry), checking every length against the bytes left and the configured limits.
 */
public final class NalUnitScanner {

    private NalUnitScanner() {
    }

    /**
     * Whether any non-empty NAL unit's first header byte satisfies {@code firstByteTest}.
     *
     * @param lengthSize bytes in each length prefix: 1, 2 or 4 ({@code lengthSizeMinusOne + 1})
     */
    public static boolean anyNalUnit(byte[] sample, int offset, int length, int lengthSize, CodecLimits limits,
            IntPredicate firstByteTest) {
        if (lengthSize != 1 && lengthSize != 2 && lengthSize != 4) {
            throw new MediaFormatException("NAL unit length size must be 1, 2 or 4, was " + lengthSize);
        }
        int position = offset;
        int end = offset + length;
        int count = 0;
        while (position < end) {
            LimitExceededException.check("max_nal_units", limits.maxNalUnits(), ++count);
            if (end - position < lengthSize) {
                throw new MediaFormatException("truncated NAL unit length prefix");
            }
            long nalLength = 0;
            for (int i = 0; i < lengthSize; i++) {
                nalLength = (nalLength << 8) | (sample[position + i] & 0xFF);
            }
            position += lengthSize;
            LimitExceededException.check("max_nal_unit_size", limits.maxNalUnitSize(), nalLength);
            if (nalLength > end - position) {
                throw new MediaFormatException("NAL unit length " + nalLength + " exceeds the " + (end - position)
                        + " bytes left");
            }
            if (nalLength > 0 && firstByteTest.test(sample[position] & 0xFF)) {
                return true;
            }
            position += (int) nalLength;
        }
        return false;
    }
}

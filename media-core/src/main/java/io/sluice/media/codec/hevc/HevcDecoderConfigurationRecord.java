package io.sluice.media.codec.hevc;

import io.sluice.media.codec.ImmutableBytes;
import java.util.List;
import java.util.Optional;

/**
 * HEVCDecoderConfigurationRecord ({@code hvcC}, ISO/IEC 14496-15 8.3.3.1): what an E-RTMP {@code hvc1}
 * SequenceStart carries.
 *
 * @param generalConstraintIndicatorFlags the 48 general constraint indicator bits, right-aligned
 * @param nalUnitLengthSize bytes in each NAL unit length prefix of the coded frames (1, 2 or 4)
 * @param arrays parameter set arrays (VPS, SPS, PPS, SEI) in record order
 */
public record HevcDecoderConfigurationRecord(
        int configurationVersion,
        int generalProfileSpace,
        boolean generalTierFlag,
        int generalProfileIdc,
        int generalProfileCompatibilityFlags,
        long generalConstraintIndicatorFlags,
        int generalLevelIdc,
        int minSpatialSegmentationIdc,
        int parallelismType,
        int chromaFormatIdc,
        int bitDepthLuma,
        int bitDepthChroma,
        int avgFrameRate,
        int constantFrameRate,
        int numTemporalLayers,
        boolean temporalIdNested,
        int nalUnitLengthSize,
        List<NalUnitArray> arrays) {

    /** NAL unit type of a sequence parameter set (H.265 Table 7-1). */
    public static final int NAL_TYPE_SPS = 33;

    public HevcDecoderConfigurationRecord {
        arrays = List.copyOf(arrays);
    }

    /** The first NAL unit of the given type, if the record has one. */
    public Optional<ImmutableBytes> firstNalUnit(int nalUnitType) {
        return arrays.stream()
                .filter(array -> array.nalUnitType() == nalUnitType && !array.nalUnits().isEmpty())
                .map(array -> array.nalUnits().get(0))
                .findFirst();
    }

    /** One array of NAL units of the same type. */
    public record NalUnitArray(boolean arrayCompleteness, int nalUnitType, List<ImmutableBytes> nalUnits) {

        public NalUnitArray {
            nalUnits = List.copyOf(nalUnits);
        }
    }
}

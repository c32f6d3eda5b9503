package io.sluice.media.codec.avc;

import io.sluice.media.codec.SampleAspectRatio;
import io.sluice.media.codec.TimingInfo;
import java.util.Optional;

/**
 * The fields of an H.264 sequence parameter set (H.264 7.3.2.1.1) a media pipeline needs.
 *
 * @param constraintFlags the constraint_set0..5 flags and two reserved bits, as the byte after profile_idc
 * @param chromaFormatIdc 0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4
 * @param frameMbsOnly false for interlaced coding (fields or MBAFF), where a map unit is two macroblock rows
 * @param width displayed width in luma samples, after cropping
 * @param height displayed height in luma samples, after cropping
 * @param codedWidth width in whole macroblocks, before cropping
 * @param codedHeight height in whole macroblocks, before cropping
 */
public record AvcSequenceParameterSet(
        int profileIdc,
        int constraintFlags,
        int levelIdc,
        int seqParameterSetId,
        int chromaFormatIdc,
        boolean separateColourPlane,
        int bitDepthLuma,
        int bitDepthChroma,
        boolean frameMbsOnly,
        int width,
        int height,
        int codedWidth,
        int codedHeight,
        Optional<SampleAspectRatio> sampleAspectRatio,
        Optional<TimingInfo> timing) {
}

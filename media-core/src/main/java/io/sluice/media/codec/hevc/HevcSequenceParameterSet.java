package io.sluice.media.codec.hevc;

/**
 * The fields of an H.265 sequence parameter set (H.265 7.3.2.2.1) a media pipeline needs.
 *
 * @param width displayed width in luma samples, after the conformance window
 * @param height displayed height in luma samples, after the conformance window
 * @param codedWidth pic_width_in_luma_samples
 * @param codedHeight pic_height_in_luma_samples
 */
public record HevcSequenceParameterSet(
        int generalProfileSpace,
        boolean generalTierFlag,
        int generalProfileIdc,
        int generalLevelIdc,
        int maxSubLayers,
        int seqParameterSetId,
        int chromaFormatIdc,
        boolean separateColourPlane,
        int bitDepthLuma,
        int bitDepthChroma,
        int width,
        int height,
        int codedWidth,
        int codedHeight) {
}

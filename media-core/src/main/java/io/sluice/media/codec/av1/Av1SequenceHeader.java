package io.sluice.media.codec.av1;

/**
 * The fields of an AV1 sequence header OBU (AV1 5.5) a media pipeline needs.
 *
 * @param seqLevelIdx0 seq_level_idx of operating point 0 (level = 2 + idx / 4 . idx % 4)
 * @param seqTier0 seq_tier of operating point 0
 * @param maxFrameWidth max_frame_width_minus_1 + 1
 * @param maxFrameHeight max_frame_height_minus_1 + 1
 */
public record Av1SequenceHeader(
        int seqProfile,
        boolean stillPicture,
        boolean reducedStillPictureHeader,
        int seqLevelIdx0,
        boolean seqTier0,
        int bitDepth,
        boolean monochrome,
        boolean subsamplingX,
        boolean subsamplingY,
        int maxFrameWidth,
        int maxFrameHeight) {
}

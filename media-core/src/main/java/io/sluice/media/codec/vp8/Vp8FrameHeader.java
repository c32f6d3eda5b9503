package io.sluice.media.codec.vp8;

import java.util.Optional;

/**
 * The frame tag of a VP8 frame (RFC 6386 9.1) and, for key frames, the picture size that follows the start
 * code.
 */
public record Vp8FrameHeader(boolean keyFrame, int version, boolean showFrame, int firstPartitionSize,
        Optional<KeyFrameSize> keyFrameSize) {

    /** Width and height in pixels, with the 2-bit upscaling hints (RFC 6386 9.1). */
    public record KeyFrameSize(int width, int height, int horizontalScale, int verticalScale) {
    }
}

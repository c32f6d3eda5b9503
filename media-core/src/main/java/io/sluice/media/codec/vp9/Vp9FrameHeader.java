package io.sluice.media.codec.vp9;

import java.util.Optional;

/**
 * The start of a VP9 uncompressed frame header (VP9 Bitstream Specification 6.2).
 *
 * @param keyFrame frame_type is KEY_FRAME (and show_existing_frame is 0)
 * @param keyFrameInfo colour configuration and frame size, present for key frames
 */
public record Vp9FrameHeader(int profile, boolean showExistingFrame, boolean keyFrame, boolean showFrame,
        Optional<KeyFrameInfo> keyFrameInfo) {

    /** What a key frame's header declares (VP9 6.2.1 color_config and 6.2.3 frame_size). */
    public record KeyFrameInfo(int bitDepth, int colorSpace, boolean fullRange, boolean subsamplingX,
            boolean subsamplingY, int width, int height) {
    }
}

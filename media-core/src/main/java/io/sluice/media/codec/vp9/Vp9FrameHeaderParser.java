package io.sluice.media.codec.vp9;

import io.sluice.media.codec.BitReader;
import io.sluice.media.error.MediaFormatException;
import java.util.Optional;

/**
 * Parses the start of a VP9 frame (VP9 6.2 uncompressed_header). For a superframe (Annex B) this reads the first
 * frame, which is where an encoder puts the key frame.
 */
public final class Vp9FrameHeaderParser {

    private static final int FRAME_MARKER = 2;
    private static final int SYNC_CODE = 0x498342;
    private static final int CS_RGB = 7;

    private Vp9FrameHeaderParser() {
    }

    /** Parses the frame starting at {@code offset}. */
    public static Vp9FrameHeader parse(byte[] data, int offset, int length) {
        var in = new BitReader(data, offset, length);
        if (in.bitsInt(2) != FRAME_MARKER) {
            throw new MediaFormatException("VP9 frame_marker missing");
        }
        int low = in.bitsInt(1);
        int profile = (in.bitsInt(1) << 1) | low;
        if (profile == 3 && in.flag()) {
            throw new MediaFormatException("VP9 reserved_zero bit set");
        }
        if (in.flag()) {
            in.skip(3);
            return new Vp9FrameHeader(profile, true, false, true, Optional.empty());
        }
        boolean key = in.bitsInt(1) == 0;
        boolean show = in.flag();
        in.skip(1);
        if (!key) {
            return new Vp9FrameHeader(profile, false, false, show, Optional.empty());
        }
        if (in.bits(24) != SYNC_CODE) {
            throw new MediaFormatException("VP9 frame_sync_code missing");
        }
        int bitDepth = profile >= 2 ? (in.flag() ? 12 : 10) : 8;
        int colorSpace = in.bitsInt(3);
        boolean fullRange;
        boolean subX;
        boolean subY;
        if (colorSpace != CS_RGB) {
            fullRange = in.flag();
            if (profile == 1 || profile == 3) {
                subX = in.flag();
                subY = in.flag();
                in.skip(1);
            } else {
                subX = true;
                subY = true;
            }
        } else {
            fullRange = true;
            if (profile != 1 && profile != 3) {
                throw new MediaFormatException("VP9 RGB needs profile 1 or 3");
            }
            subX = false;
            subY = false;
            in.skip(1);
        }
        int width = in.bitsInt(16) + 1;
        int height = in.bitsInt(16) + 1;
        return new Vp9FrameHeader(profile, false, true, show, Optional.of(
                new Vp9FrameHeader.KeyFrameInfo(bitDepth, colorSpace, fullRange, subX, subY, width, height)));
    }
}

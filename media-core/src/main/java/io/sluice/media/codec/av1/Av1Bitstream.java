package io.sluice.media.codec.av1;

import io.sluice.media.codec.BitReader;
import io.sluice.media.codec.CodecLimits;

/** Facts about an AV1 temporal unit in low-overhead format, read from its OBU and frame headers. */
public final class Av1Bitstream {

    private static final int KEY_FRAME = 0;

    private Av1Bitstream() {
    }

    /**
     * Whether the temporal unit codes a key frame: the first frame header (in a FRAME or FRAME_HEADER OBU) has
     * show_existing_frame 0 and frame_type KEY_FRAME (AV1 5.9.2), or a sequence header in the unit declares a
     * reduced still picture header, where every frame is a key frame. A shown existing frame does not count: it
     * repeats a decoded frame and is no random access point.
     */
    public static boolean containsKeyFrame(byte[] data, int offset, int length, CodecLimits limits) {
        boolean reducedStillPictureHeader = false;
        for (Obu obu : ObuScanner.scan(data, offset, length, limits)) {
            if (obu.type() == Obu.SEQUENCE_HEADER && obu.payloadLength() > 0) {
                reducedStillPictureHeader = (data[obu.payloadOffset()] & 0x08) != 0;
            } else if (obu.type() == Obu.FRAME || obu.type() == Obu.FRAME_HEADER) {
                if (reducedStillPictureHeader) {
                    return true;
                }
                var in = new BitReader(data, obu.payloadOffset(), obu.payloadLength());
                return !in.flag() && in.bitsInt(2) == KEY_FRAME;
            }
        }
        return reducedStillPictureHeader;
    }
}

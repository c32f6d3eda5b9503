package io.sluice.media.codec.vp8;

import io.sluice.media.codec.ByteCursor;
import io.sluice.media.error.MediaFormatException;
import java.util.Optional;

/** Parses the VP8 frame tag and key frame header (RFC 6386 9.1). */
public final class Vp8FrameHeaderParser {

    private static final int START_CODE = 0x9D012A;

    private Vp8FrameHeaderParser() {
    }

    /** Parses the frame at {@code offset}. */
    public static Vp8FrameHeader parse(byte[] data, int offset, int length) {
        var in = new ByteCursor(data, offset, length);
        int b0 = in.u8();
        int tag = b0 | (in.u8() << 8) | (in.u8() << 16);
        boolean key = (tag & 1) == 0;
        int version = (tag >>> 1) & 0x07;
        boolean show = ((tag >>> 4) & 1) != 0;
        int firstPartitionSize = tag >>> 5;
        if (!key) {
            return new Vp8FrameHeader(false, version, show, firstPartitionSize, Optional.empty());
        }
        if (in.u24() != START_CODE) {
            throw new MediaFormatException("VP8 key frame start code missing");
        }
        int w = in.u8() | (in.u8() << 8);
        int h = in.u8() | (in.u8() << 8);
        return new Vp8FrameHeader(true, version, show, firstPartitionSize, Optional.of(
                new Vp8FrameHeader.KeyFrameSize(w & 0x3FFF, h & 0x3FFF, w >>> 14, h >>> 14)));
    }
}

package io.sluice.media.ertmp;

import io.sluice.media.codec.ImmutableBytes;

/**
 * A legacy FLV AVC video tag (CodecID 7, FLV 10.1 E.4.3.1): AVCPacketType, an SI24 composition time offset in
 * milliseconds, then an {@code avcC} record (sequence header) or length-prefixed NAL units.
 */
public record LegacyAvcVideoTag(VideoFrameType frameType, AvcPacketType packetType, int compositionTime,
        ImmutableBytes data) implements VideoTag {

    /** CodecID of AVC. */
    public static final int CODEC_ID = 7;

    public LegacyAvcVideoTag {
        Fields.signed24("compositionTime", compositionTime);
        if (frameType == VideoFrameType.COMMAND) {
            throw new IllegalArgumentException("command frames are LegacyVideoCommand");
        }
    }
}

package io.sluice.media.ertmp;

import io.sluice.media.codec.ImmutableBytes;

/**
 * A legacy FLV video tag of a codec other than AVC (FLV 10.1 E.4.3.1): Sorenson H.263, Screen video, VP6 and so
 * on. The data after the first byte is kept as it is.
 *
 * @param codecId CodecID, 0..15 except 7 (AVC)
 */
public record LegacyVideoTag(VideoFrameType frameType, int codecId, ImmutableBytes data) implements VideoTag {

    public LegacyVideoTag {
        Fields.unsigned("codecId", codecId, 4);
        if (codecId == LegacyAvcVideoTag.CODEC_ID) {
            throw new IllegalArgumentException("AVC tags are LegacyAvcVideoTag");
        }
        if (frameType == VideoFrameType.COMMAND) {
            throw new IllegalArgumentException("command frames are LegacyVideoCommand");
        }
    }
}

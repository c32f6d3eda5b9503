package io.sluice.media.flv;

import io.sluice.media.codec.ImmutableBytes;

/**
 * One FLV tag (FLV 10.1 E.4.1): type, 32-bit timestamp (the 24 lower bits plus TimestampExtended), stream id
 * and the tag body exactly as written. Audio and video bodies are parsed by {@code io.sluice.media.ertmp};
 * script data stays opaque here.
 *
 * @param filtered the Filter bit: the body is encrypted (pre-processing needed before it can be played)
 * @param timestamp milliseconds, unsigned 32-bit (0 .. 2^32-1)
 * @param streamId always 0 in files, 24 bits
 */
public record FlvTag(FlvTagType type, boolean filtered, long timestamp, int streamId, ImmutableBytes body)
        implements FlvElement {

    /** Bytes before the body: type, DataSize, Timestamp, TimestampExtended, StreamID. */
    public static final int HEADER_SIZE = 11;
    /** DataSize is 24 bits. */
    public static final int MAX_BODY_SIZE = 0xFF_FFFF;

    public FlvTag {
        if (timestamp < 0 || timestamp > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("timestamp must fit 32 bits unsigned: " + timestamp);
        }
        if (streamId < 0 || streamId > 0xFF_FFFF) {
            throw new IllegalArgumentException("streamId must fit 24 bits: " + streamId);
        }
        if (body.length() > MAX_BODY_SIZE) {
            throw new IllegalArgumentException("body larger than 24 bits: " + body.length());
        }
    }

    /** An unfiltered tag on stream 0. */
    public static FlvTag of(FlvTagType type, long timestamp, ImmutableBytes body) {
        return new FlvTag(type, false, timestamp, 0, body);
    }

    /** Header plus body: what the following PreviousTagSize field must hold. */
    public int size() {
        return HEADER_SIZE + body.length();
    }
}

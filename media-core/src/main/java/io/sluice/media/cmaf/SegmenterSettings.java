package io.sluice.media.cmaf;

/**
 * How {@link CmafSegmenter} cuts a stream.
 *
 * @param targetSegmentMillis a segment is closed at the first video key frame (any audio frame for a stream
 *     without video) once it is this long; 2 s by default
 * @param partTargetMillis LL-HLS partial segments are cut so as to stay at most this long (200..500 ms; the
 *     playlist's PART-TARGET)
 * @param maxTimestampGapMillis a timestamp that jumps forward by more than this, or backwards at all within a
 *     track, starts a new period (a discontinuity)
 * @param maxPartSamples samples in one part; a part is cut when it has this many, whatever its duration
 * @param maxFragmentBytes bytes in one part; a part is cut before a frame that would make it longer (a single
 *     frame larger than this is refused)
 */
public record SegmenterSettings(long targetSegmentMillis, long partTargetMillis, long maxTimestampGapMillis,
        int maxPartSamples, int maxFragmentBytes) {

    /** Smallest and largest part target HLS players handle well. */
    public static final long MIN_PART_TARGET_MILLIS = 200;
    public static final long MAX_PART_TARGET_MILLIS = 500;

    /** 2 s segments, 333 ms parts, a 10 s gap is a discontinuity. */
    public static final SegmenterSettings DEFAULTS = new SegmenterSettings(2000, 333, 10_000, 2048, 48 << 20);

    public SegmenterSettings {
        if (partTargetMillis < MIN_PART_TARGET_MILLIS || partTargetMillis > MAX_PART_TARGET_MILLIS) {
            throw new IllegalArgumentException("the part target must be 200..500 ms, was " + partTargetMillis);
        }
        if (targetSegmentMillis < partTargetMillis || targetSegmentMillis > 60_000) {
            throw new IllegalArgumentException("the segment target must be from the part target to 60 s, was "
                    + targetSegmentMillis);
        }
        if (maxTimestampGapMillis < 1) {
            throw new IllegalArgumentException("maxTimestampGapMillis must be positive");
        }
        if (maxPartSamples < 2) {
            throw new IllegalArgumentException("maxPartSamples must be at least 2");
        }
        if (maxFragmentBytes < (17 << 20)) {
            throw new IllegalArgumentException("maxFragmentBytes must hold RTMP's largest message (17 MiB)");
        }
    }
}

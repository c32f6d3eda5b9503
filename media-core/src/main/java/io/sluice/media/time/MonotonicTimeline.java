package io.sluice.media.time;

/**
 * Turns one stream's (or track's) 32-bit RTMP timestamps into a monotonic 64-bit millisecond timeline.
 *
 * <p>Each timestamp is compared with the previous one in serial order ({@link RtmpTimestamps#difference}):
 * <ul>
 *   <li>forward (including across the 2^32 wrap): the timeline advances by the difference;</li>
 *   <li>equal: the timeline stays where it is;</li>
 *   <li>backward (an encoder restart, a timestamp reset, a misbehaving muxer): the timeline does not go back. The
 *       point is clamped to the previous value and flagged as a discontinuity, and the new timestamp becomes the
 *       reference, so later timestamps advance from there instead of being clamped for ever.</li>
 * </ul>
 * The first timestamp maps to its own value, so a stream that starts at 0 keeps its numbers until the first wrap.
 * Not thread-safe; use one instance per stream and track.
 */
public final class MonotonicTimeline {

    private boolean started;
    private long lastTimestamp;
    private long lastMillis;

    /** The timeline position of the next timestamp (0 .. 2^32-1; higher bits are ignored). */
    public TimelinePoint next(long rtmpTimestamp) {
        long timestamp = rtmpTimestamp & (RtmpTimestamps.MODULUS - 1);
        if (!started) {
            started = true;
            lastTimestamp = timestamp;
            lastMillis = timestamp;
            return new TimelinePoint(lastMillis, false);
        }
        int delta = RtmpTimestamps.difference(lastTimestamp, timestamp);
        lastTimestamp = timestamp;
        if (delta < 0) {
            return new TimelinePoint(lastMillis, true);
        }
        lastMillis += delta;
        return new TimelinePoint(lastMillis, false);
    }
}

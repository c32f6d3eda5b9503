package io.sluice.media.time;

/**
 * A position on a monotonic 64-bit timeline.
 *
 * @param millis milliseconds since the timeline's origin; never less than the previous point's
 * @param discontinuity true when the source timestamp jumped backwards and the timeline was re-anchored
 */
public record TimelinePoint(long millis, boolean discontinuity) {
}

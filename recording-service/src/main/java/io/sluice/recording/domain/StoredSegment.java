package io.sluice.recording.domain;

/** A complete segment of a recording, as stored. */
public record StoredSegment(long segment, int period, long durationMicros, long sizeBytes, boolean independent) {
}

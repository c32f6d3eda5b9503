package io.sluice.recording.domain;

/** An LL-HLS part of a recording, as stored while it is near the live edge. */
public record StoredPart(long segment, int part, int period, long durationMicros, long sizeBytes,
        boolean independent) {
}

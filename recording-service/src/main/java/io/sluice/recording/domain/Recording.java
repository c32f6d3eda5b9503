package io.sluice.recording.domain;

import java.time.Instant;

/**
 * One recording as stored: a session, or several joined by reconnects within the stream's window.
 *
 * @param keep the stream's recording flag when it began; false keeps nothing after the end
 * @param endedAt the end of its last session, null while one is live
 * @param mediaVersion grows with every stored part, segment or end: what held playlist requests watch
 */
public record Recording(String id, String tenant, String streamId, String playbackId, boolean keep,
        RecordingStatus status, int reconnectWindowSeconds, Instant startedAt, Instant endedAt, Instant readyAt,
        Instant deletedAt, String failureReason, long durationMicros, long sizeBytes, int segmentCount,
        Instant expiresAt, long mediaVersion) {

    /** Where its objects are in the store. */
    public String storagePrefix() {
        return io.sluice.recording.objects.ObjectKeys.recording(tenant, streamId, id);
    }
}

package io.sluice.events.data;

import io.sluice.events.EventType;
import java.time.Instant;
import java.util.Objects;

/**
 * One stream in the key registry ({@code sluice.stream-keys.v1}, compacted): what an ingest instance needs
 * to accept or refuse a publish. It holds the key's hash, never the key.
 *
 * @param keyHash see {@link io.sluice.events.StreamKeyHash}
 * @param version grows with every change of the stream; a consumer ignores an entry older than the one it has
 * @param maxBitrateKbps 0 when the stream has no bitrate limit
 * @param playbackId the stream's public playback id, which its playback URL is made of; {@code null} in
 *                   entries written before it was added (the ingest does not need it)
 */
public record StreamKeyEntry(String streamId, String tenant, String keyHash, Status status, long maxBitrateKbps,
        long maxContinuousDurationSeconds, long reconnectWindowSeconds, boolean recording, String playbackId, long version,
        Instant updatedAt) implements EventData {

    public enum Status {
        ENABLED,
        DISABLED
    }

    public StreamKeyEntry {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(keyHash, "keyHash");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public EventType type() {
        return EventType.STREAM_KEY_UPDATED;
    }
}

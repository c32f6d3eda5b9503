package io.sluice.auth.kafka;

import io.sluice.auth.config.AuthConfig;
import io.sluice.auth.storage.LiveStreamEntity;
import io.sluice.events.EventCodec;
import io.sluice.events.EventRecord;
import io.sluice.events.StructuredEvent;
import io.sluice.events.data.StreamKeyEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The one place where a stored live stream becomes a record of the key registry: the contract's
 * {@link StreamKeyEntry} in a structured CloudEvent, keyed by stream id. It carries the key's hash, never
 * the key, which this service does not have after the request that showed it.
 */
@ApplicationScoped
public class RegistryRecords {

    private final AuthConfig config;

    RegistryRecords(AuthConfig config) {
        this.config = config;
    }

    public StreamKeyEntry entry(LiveStreamEntity stream) {
        return new StreamKeyEntry(stream.id, stream.tenant, stream.keyHash,
                stream.enabled ? StreamKeyEntry.Status.ENABLED : StreamKeyEntry.Status.DISABLED,
                stream.maxBitrateKbps, stream.maxContinuousDurationSeconds, stream.reconnectWindowSeconds,
                stream.recording, stream.playbackId, stream.registryVersion, stream.updatedAt);
    }

    public EventRecord record(LiveStreamEntity stream, Instant time) {
        return EventCodec.encode(StructuredEvent.of(config.registry().eventSource(), entry(stream), time));
    }

    public EventRecord tombstone(String streamId) {
        return EventCodec.tombstone(streamId);
    }
}

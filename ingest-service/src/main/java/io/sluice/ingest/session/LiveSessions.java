package io.sluice.ingest.session;

import io.sluice.events.data.EndReason;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.ingest.registry.RegistryChange;
import io.sluice.ingest.registry.StreamKeyRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The streams published on this instance, one publisher each. A second publish of a stream takes it over:
 * the first session ends with {@code takeover}. Registry changes end the sessions whose key stopped working.
 * A publisher is registered from the moment its publish is accepted, before its session starts.
 */
@Singleton
public class LiveSessions {

    private final Map<String, IngestConnection> byStreamId = new ConcurrentHashMap<>();
    private final StreamKeyRegistry registry;

    LiveSessions(StreamKeyRegistry registry) {
        this.registry = registry;
    }

    @PostConstruct
    void watchRegistry() {
        registry.onChange(change -> {
            IngestConnection live = byStreamId.get(change.streamId());
            if (live != null) {
                change.endsSessionsWithKey(live.keyHash()).ifPresent(reason -> live.endFromAnyThread(reason, describe(reason)));
            }
        });
    }

    /**
     * Makes {@code connection} the stream's publisher; a previous one is ended with {@code takeover}. Returns
     * when the previous one's last events are handed to Kafka: done at once when there was none.
     */
    CompletableFuture<Void> register(String streamId, IngestConnection connection) {
        IngestConnection previous = byStreamId.put(streamId, connection);
        if (previous == null || previous == connection) {
            return CompletableFuture.completedFuture(null);
        }
        previous.endFromAnyThread(EndReason.TAKEOVER, "another encoder started publishing this stream");
        return previous.endHandedOver();
    }

    /**
     * Whether the key of a publish accepted with {@code accepted} stopped working since, asked once the
     * publisher is registered. A rotation, disable or delete applied between the key check and the
     * registration found no publisher to end; the registry applies a change before it tells its listeners,
     * and the publisher is registered before it asks here, so one of the two always sees the other.
     */
    Optional<EndReason> revokedSince(StreamKeyEntry accepted) {
        return new RegistryChange(accepted.streamId(), Optional.of(accepted), registry.current(accepted.streamId()))
                .endsSessionsWithKey(accepted.keyHash());
    }

    void unregister(String streamId, IngestConnection connection) {
        byStreamId.remove(streamId, connection);
    }

    public Optional<IngestConnection> byStream(String streamId) {
        return Optional.ofNullable(byStreamId.get(streamId));
    }

    public Optional<IngestConnection> bySession(String sessionId) {
        return byStreamId.values().stream().filter(c -> sessionId.equals(c.sessionId())).findFirst();
    }

    /** Every publisher, also those whose session is about to start. */
    public Collection<IngestConnection> all() {
        return List.copyOf(byStreamId.values());
    }

    /** What the encoder and the session's end are told when its key stopped working. */
    static String describe(EndReason reason) {
        return switch (reason) {
            case KEY_DISABLED -> "the stream was disabled";
            case KEY_ROTATED -> "the stream key was rotated";
            case KEY_DELETED -> "the stream was deleted";
            default -> reason.wireName();
        };
    }
}

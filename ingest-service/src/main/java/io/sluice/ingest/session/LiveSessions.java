package io.sluice.ingest.session;

import io.sluice.events.data.EndReason;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.ingest.config.IngestConfig;
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
 * the first session ends with {@code takeover}. Registry changes end the sessions whose key stopped working,
 * and bring new limits (bitrate, duration) to the others at once.
 * A publisher is registered from the moment its publish is accepted, before its session starts.
 */
@Singleton
public class LiveSessions {

    private final Map<String, IngestConnection> byStreamId = new ConcurrentHashMap<>();
    private final StreamKeyRegistry registry;
    private final TakeoverCooldown cooldown;

    LiveSessions(StreamKeyRegistry registry, IngestConfig config) {
        this.registry = registry;
        this.cooldown = new TakeoverCooldown(config.limits());
    }

    @PostConstruct
    void watchRegistry() {
        registry.onChange(change -> {
            IngestConnection live = byStreamId.get(change.streamId());
            if (live != null) {
                change.endsSessionsWithKey(live.keyHash()).ifPresentOrElse(reason -> live.endFromAnyThread(reason, describe(reason)),
                        () -> change.current().ifPresent(live::entryChanged));
            }
        });
    }

    /**
     * Makes {@code connection} the stream's publisher; a previous one is ended with {@code takeover}, unless
     * the takeover cool-down refuses it. The registration's future is done when the previous publisher's
     * last events are handed to Kafka: at once when there was none.
     */
    Registration register(String streamId, IngestConnection connection) {
        long now = System.nanoTime();
        IngestConnection[] previous = new IngestConnection[1];
        boolean[] refused = new boolean[1];
        byStreamId.compute(streamId, (id, current) -> {
            previous[0] = current;
            if (current != null && current != connection && !cooldown.allows(id, current.silentNanos(now), now)) {
                refused[0] = true;
                return current;
            }
            return connection;
        });
        if (refused[0]) {
            return new Registration.Refused("another encoder took this stream over less than " + cooldown.cooldownSeconds()
                    + " s ago and is publishing it; try again later");
        }
        if (previous[0] == null || previous[0] == connection) {
            return new Registration.Registered(CompletableFuture.completedFuture(null));
        }
        previous[0].endFromAnyThread(EndReason.TAKEOVER, "another encoder started publishing this stream");
        return new Registration.Registered(previous[0].endHandedOver());
    }

    /** A publisher on another instance took {@code streamId} from this one. */
    void takenOverElsewhere(String streamId) {
        cooldown.takenOverElsewhere(streamId, System.nanoTime());
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

    /** The stream's entry when the registry holds a newer one than {@code accepted}: limits changed meanwhile. */
    Optional<StreamKeyEntry> newerThan(StreamKeyEntry accepted) {
        return registry.current(accepted.streamId()).filter(current -> current.version() > accepted.version());
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

package io.sluice.ingest.registry;

import io.sluice.events.data.StreamKeyEntry;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes waiting for a key this instance does not hold yet, by the key's hash. Each is answered when an
 * entry with that hash is applied, and leaves as soon as it is answered in any way (the entry, its wait
 * over, the connection gone), so there are never more than the connections that asked.
 */
final class AwaitedKeys {

    /** The sets are changed only inside the map's atomic updates of their hash. */
    private final Map<String, Set<CompletableFuture<Optional<StreamKeyEntry>>>> byHash = new ConcurrentHashMap<>();

    /** A new wait for the key whose hash is {@code keyHash}; it ends when completed, cancelled or timed out. */
    CompletableFuture<Optional<StreamKeyEntry>> add(String keyHash) {
        CompletableFuture<Optional<StreamKeyEntry>> arrival = new CompletableFuture<>();
        byHash.compute(keyHash, (hash, waiting) -> {
            Set<CompletableFuture<Optional<StreamKeyEntry>>> set = waiting == null ? new HashSet<>() : waiting;
            set.add(arrival);
            return set;
        });
        arrival.whenComplete((entry, error) -> byHash.computeIfPresent(keyHash, (hash, waiting) -> {
            waiting.remove(arrival);
            return waiting.isEmpty() ? null : waiting;
        }));
        return arrival;
    }

    /** Answers every wait for {@code entry}'s key. */
    void arrived(StreamKeyEntry entry) {
        Set<CompletableFuture<Optional<StreamKeyEntry>>> waiting = byHash.remove(entry.keyHash());
        if (waiting != null) {
            // Outside the map's update: what the waits run next must be free to leave it.
            waiting.forEach(arrival -> arrival.complete(Optional.of(entry)));
        }
    }

    /** Waits not yet answered. */
    int size() {
        return byHash.values().stream().mapToInt(Set::size).sum();
    }
}

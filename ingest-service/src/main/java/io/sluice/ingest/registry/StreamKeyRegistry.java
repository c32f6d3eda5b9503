package io.sluice.ingest.registry;

import io.sluice.events.StreamKeyHash;
import io.sluice.events.data.StreamKeyEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * This instance's copy of the key registry, read from the compacted topic {@code sluice.stream-keys.v1}.
 * It holds key hashes only: a presented key is hashed, looked up by its hash, and the stored hash is then
 * compared in constant time. A publish may wait here for a key still on its way ({@link #awaitKey}).
 */
@ApplicationScoped
public class StreamKeyRegistry {

    private final Map<String, StreamKeyEntry> byStreamId = new ConcurrentHashMap<>();
    private final Map<String, StreamKeyEntry> byKeyHash = new ConcurrentHashMap<>();
    private final List<Consumer<RegistryChange>> listeners = new CopyOnWriteArrayList<>();
    private final AwaitedKeys awaited = new AwaitedKeys();

    /** The enabled or disabled entry the presented key belongs to, if any. */
    public Optional<StreamKeyEntry> lookup(String presentedKey) {
        return lookupHash(StreamKeyHash.of(presentedKey));
    }

    /**
     * The entry of {@code presentedKey} once this instance holds it: at once if it already does, else as soon
     * as the registry brings it, or empty once {@code wait} is over. Cancelling the answer ends the wait.
     */
    public CompletableFuture<Optional<StreamKeyEntry>> awaitKey(String presentedKey, Duration wait) {
        String hash = StreamKeyHash.of(presentedKey);
        CompletableFuture<Optional<StreamKeyEntry>> arrival = awaited.add(hash);
        // An entry applied between the caller's look-up and the wait's start is found here; one applied
        // after the start finds the wait.
        Optional<StreamKeyEntry> held = lookupHash(hash);
        if (held.isPresent()) {
            arrival.complete(held);
        }
        return arrival.completeOnTimeout(Optional.empty(), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Publishes waiting for their key. */
    public int awaitedKeys() {
        return awaited.size();
    }

    private Optional<StreamKeyEntry> lookupHash(String hash) {
        StreamKeyEntry entry = byKeyHash.get(hash);
        if (entry == null || !StreamKeyHash.matches(entry.keyHash(), hash)) {
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** The stream's entry as this instance holds it now: empty when it was deleted or never known. */
    public Optional<StreamKeyEntry> current(String streamId) {
        return Optional.ofNullable(byStreamId.get(streamId));
    }

    /**
     * Applies an entry unless this instance already holds a newer version of the stream. The version it
     * already holds is passed to the listeners again: a record handled again after a failure of its
     * follower (whose listeners may not all have run), or a republish. Listeners act idempotently.
     */
    public void apply(StreamKeyEntry entry) {
        StreamKeyEntry previous;
        synchronized (this) {
            previous = byStreamId.get(entry.streamId());
            if (previous != null && previous.version() > entry.version()) {
                return;
            }
            byStreamId.put(entry.streamId(), entry);
            if (previous != null) {
                byKeyHash.remove(previous.keyHash(), previous);
            }
            byKeyHash.put(entry.keyHash(), entry);
        }
        awaited.arrived(entry);
        notifyListeners(new RegistryChange(entry.streamId(), Optional.ofNullable(previous), Optional.of(entry)));
    }

    /**
     * A tombstone: the stream is gone. Listeners hear of it also when the stream was already gone, for the
     * same reason as in {@link #apply}.
     */
    public void remove(String streamId) {
        StreamKeyEntry previous;
        synchronized (this) {
            previous = byStreamId.remove(streamId);
            if (previous != null) {
                byKeyHash.remove(previous.keyHash(), previous);
            }
        }
        notifyListeners(new RegistryChange(streamId, Optional.ofNullable(previous), Optional.empty()));
    }

    public void onChange(Consumer<RegistryChange> listener) {
        listeners.add(listener);
    }

    public int size() {
        return byStreamId.size();
    }

    private void notifyListeners(RegistryChange change) {
        for (Consumer<RegistryChange> listener : listeners) {
            listener.accept(change);
        }
    }
}

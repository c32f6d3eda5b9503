package io.sluice.recording.domain;

import io.quarkus.runtime.ShutdownEvent;
import io.sluice.recording.config.RecordingConfig;
import io.sluice.recording.storage.RecordingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Wakes requests held for media not stored yet (a blocking playlist reload, a preload-hinted part): at once when
 * this instance stored it, otherwise when a poll of the recording's media version in the database sees it grow
 * (another instance stored it). One poll per recording that has waiters, whatever their number. A woken request
 * looks again and, if what it waits for is still missing, waits again until its own deadline.
 */
@ApplicationScoped
public class LiveEdges {

    private record Waiter(long version, CompletableFuture<Void> change) {
    }

    private final Map<String, CopyOnWriteArrayList<Waiter>> waiters = new ConcurrentHashMap<>();
    private final RecordingRepository recordings;
    private final ScheduledExecutorService poller;

    LiveEdges(RecordingRepository recordings, RecordingConfig config) {
        this.recordings = recordings;
        this.poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("live-edges").daemon()
                .factory());
        long interval = config.playback().pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        poller.shutdownNow();
    }

    /** Completes when the recording's media version grows past {@code version}, or this instance stores media of it. */
    public CompletableFuture<Void> changeAfter(String recordingId, long version) {
        CompletableFuture<Void> change = new CompletableFuture<>();
        waiters.computeIfAbsent(recordingId, id -> new CopyOnWriteArrayList<>()).add(new Waiter(version, change));
        return change;
    }

    /** Forgets a waiter that gave up. */
    public void forget(String recordingId, CompletableFuture<Void> change) {
        waiters.computeIfPresent(recordingId, (id, list) -> {
            list.removeIf(waiter -> waiter.change() == change);
            return list.isEmpty() ? null : list;
        });
    }

    /** This instance stored media of the recording (null: none). */
    public void changed(String recordingId) {
        if (recordingId == null) {
            return;
        }
        CopyOnWriteArrayList<Waiter> list = waiters.remove(recordingId);
        if (list != null) {
            list.forEach(waiter -> waiter.change().complete(null));
        }
    }

    private void poll() {
        for (Map.Entry<String, CopyOnWriteArrayList<Waiter>> entry : waiters.entrySet()) {
            try {
                Optional<Long> version = recordings.mediaVersion(entry.getKey());
                long now = version.orElse(Long.MAX_VALUE);
                for (Waiter waiter : entry.getValue()) {
                    if (now > waiter.version()) {
                        waiter.change().complete(null);
                        entry.getValue().remove(waiter);
                    }
                }
            } catch (RuntimeException e) {
                // The database is away: held requests end at their deadline and are answered with what is known.
            }
        }
        waiters.values().removeIf(CopyOnWriteArrayList::isEmpty);
    }
}

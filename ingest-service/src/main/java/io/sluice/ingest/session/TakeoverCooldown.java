package io.sluice.ingest.session;

import io.sluice.ingest.config.IngestConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps two encoders that share one key from taking the stream from each other back and forth: after a
 * takeover of a stream, another one within the cool-down is refused while the current publisher keeps
 * sending, and each refused attempt starts the cool-down again (the encoder that lost the stream retries
 * for as long as it is refused). A current publisher that has gone silent is taken over at once: that is an
 * encoder reconnecting after a network drop, whose old connection has not noticed yet.
 */
final class TakeoverCooldown {

    /** Past this many remembered streams, those whose cool-down is over are forgotten. */
    private static final int PRUNE_ABOVE = 1024;

    private final long cooldownNanos;
    private final long silenceNanos;
    /** When each stream was last taken over, or a takeover of it refused. */
    private final Map<String, Long> lastAttemptNanos = new ConcurrentHashMap<>();

    TakeoverCooldown(IngestConfig.Limits limits) {
        this.cooldownNanos = limits.takeoverCooldown().toNanos();
        this.silenceNanos = limits.takeoverSilence().toNanos();
    }

    /**
     * Whether a new publisher may take {@code streamId} over now from one that has been silent for
     * {@code silentNanos}. Either way the attempt is remembered.
     */
    boolean allows(String streamId, long silentNanos, long nowNanos) {
        Long last = lastAttemptNanos.put(streamId, nowNanos);
        prune(nowNanos);
        return silentNanos >= silenceNanos || last == null || nowNanos - last >= cooldownNanos;
    }

    /** A publisher on another instance took the stream from this one: a takeover back waits for the cool-down. */
    void takenOverElsewhere(String streamId, long nowNanos) {
        lastAttemptNanos.put(streamId, nowNanos);
        prune(nowNanos);
    }

    long cooldownSeconds() {
        return cooldownNanos / 1_000_000_000L;
    }

    private void prune(long nowNanos) {
        if (lastAttemptNanos.size() > PRUNE_ABOVE) {
            lastAttemptNanos.values().removeIf(last -> nowNanos - last >= cooldownNanos);
        }
    }
}

package io.sluice.ingest.heap;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether the instance carries load, from its count of live sessions over time: loaded once at least
 * {@code loadedSessions} have been live for {@code settle}, idle again once none has been for
 * {@code idleAfter}. Between the two it keeps its phase, so a count that hovers around the threshold, or a
 * stream that reconnects, changes nothing. Not thread-safe: one caller.
 */
final class LoadPhase {

    /** A change of phase: what the heap is then sized for. */
    enum Change {
        TO_LOADED,
        TO_IDLE
    }

    private final int loadedSessions;
    private final long settleNanos;
    private final long idleAfterNanos;
    private boolean loaded;
    /** Since when the count has pointed to the other phase, or -1 while it points to this one. */
    private long pointingAwaySince = -1;

    LoadPhase(int loadedSessions, Duration settle, Duration idleAfter) {
        if (loadedSessions < 1) {
            throw new IllegalArgumentException("loadedSessions must be at least 1, not " + loadedSessions);
        }
        this.loadedSessions = loadedSessions;
        this.settleNanos = settle.toNanos();
        this.idleAfterNanos = idleAfter.toNanos();
    }

    /** The count of live sessions at {@code nanos}; a change when the phase changes now. */
    Optional<Change> observe(long nanos, int liveSessions) {
        boolean pointsAway = loaded ? liveSessions == 0 : liveSessions >= loadedSessions;
        if (!pointsAway) {
            pointingAwaySince = -1;
            return Optional.empty();
        }
        if (pointingAwaySince < 0) {
            pointingAwaySince = nanos;
        }
        if (nanos - pointingAwaySince < (loaded ? idleAfterNanos : settleNanos)) {
            return Optional.empty();
        }
        loaded = !loaded;
        pointingAwaySince = -1;
        return Optional.of(loaded ? Change.TO_LOADED : Change.TO_IDLE);
    }

    boolean loaded() {
        return loaded;
    }
}

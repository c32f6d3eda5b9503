package io.sluice.ingest.security;

import io.sluice.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts failed stream-key attempts per client address; an address with too many failures within the
 * window is locked out for a while, so keys cannot be guessed at line rate. Failures are forgotten only as
 * they leave the window: a good key does not wipe them, or a guesser holding one valid key could mix it in
 * and guess forever. The table is bounded: past
 * {@link #MAX_ADDRESSES} the least recently seen addresses are forgotten first.
 */
@ApplicationScoped
public class BruteForceGuard {

    static final int MAX_ADDRESSES = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Attempts> byAddress = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Attempts> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    @Inject
    public BruteForceGuard(IngestConfig config) {
        this(config.bruteForce().maxFailures(), config.bruteForce().window(), config.bruteForce().lockout(),
                Clock.systemUTC());
    }

    BruteForceGuard(int maxFailures, Duration window, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
        this.clock = clock;
    }

    public synchronized boolean isLockedOut(String address) {
        Attempts attempts = byAddress.get(address);
        return attempts != null && attempts.lockedUntil != null && clock.instant().isBefore(attempts.lockedUntil);
    }

    /** Records a refused key; returns true when this failure locks the address out. */
    public synchronized boolean recordFailure(String address) {
        Instant now = clock.instant();
        Attempts attempts = byAddress.computeIfAbsent(address, a -> new Attempts());
        attempts.forgetBefore(now.minus(window));
        attempts.failures.addLast(now);
        if (attempts.failures.size() >= maxFailures) {
            attempts.lockedUntil = now.plus(lockout);
            attempts.failures.clear();
            return true;
        }
        return false;
    }

    private static final class Attempts {
        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant lockedUntil;

        void forgetBefore(Instant limit) {
            Iterator<Instant> it = failures.iterator();
            while (it.hasNext() && it.next().isBefore(limit)) {
                it.remove();
            }
        }
    }
}

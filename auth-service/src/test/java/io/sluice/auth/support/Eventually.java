package io.sluice.auth.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Asserts on state that other threads (the relay, the session consumer) bring about. */
public final class Eventually {

    private Eventually() {
    }

    /** Retries {@code assertion} until it passes or {@code within} is over, then throws its last failure. */
    public static void check(Duration within, Runnable assertion) {
        get(within, () -> {
            assertion.run();
            return null;
        });
    }

    public static <T> T get(Duration within, Supplier<T> attempt) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                return attempt.get();
            } catch (AssertionError | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}

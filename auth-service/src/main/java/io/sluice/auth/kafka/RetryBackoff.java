package io.sluice.auth.kafka;

import java.time.Duration;

/**
 * The pause before retrying a round trip that failed because Kafka or the database is away: 100 ms,
 * doubling with each failure in a row up to a ceiling, and none again after a success.
 */
final class RetryBackoff {

    private static final long FIRST_MILLIS = 100;

    private final long maxMillis;
    private long currentMillis;

    RetryBackoff(Duration max) {
        this.maxMillis = Math.max(FIRST_MILLIS, max.toMillis());
    }

    /** @return how long to wait before the next try, in milliseconds */
    long failed() {
        currentMillis = Math.min(Math.max(FIRST_MILLIS, currentMillis * 2), maxMillis);
        return currentMillis;
    }

    void succeeded() {
        currentMillis = 0;
    }
}

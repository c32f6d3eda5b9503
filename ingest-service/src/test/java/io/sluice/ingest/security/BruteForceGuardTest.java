package io.sluice.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BruteForceGuardTest {

    private final MutableClock clock = new MutableClock();
    private final BruteForceGuard guard = new BruteForceGuard(3, Duration.ofSeconds(60), Duration.ofMinutes(5), clock);

    @Test
    void locksOutAtTheLimitNotBefore() {
        assertThat(guard.recordFailure("198.51.100.1")).isFalse();
        assertThat(guard.recordFailure("198.51.100.1")).isFalse();
        assertThat(guard.isLockedOut("198.51.100.1")).as("limit - 1").isFalse();

        assertThat(guard.recordFailure("198.51.100.1")).as("limit").isTrue();
        assertThat(guard.isLockedOut("198.51.100.1")).isTrue();
        assertThat(guard.isLockedOut("198.51.100.2")).as("another address").isFalse();
    }

    @Test
    void theLockoutEnds() {
        for (int i = 0; i < 3; i++) {
            guard.recordFailure("198.51.100.1");
        }
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(guard.isLockedOut("198.51.100.1")).isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(guard.isLockedOut("198.51.100.1")).isFalse();
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        guard.recordFailure("198.51.100.1");
        guard.recordFailure("198.51.100.1");
        clock.advance(Duration.ofSeconds(61));
        assertThat(guard.recordFailure("198.51.100.1")).isFalse();
    }

    @Test
    void failuresDecayOnlyWithTime() {
        guard.recordFailure("198.51.100.1");
        clock.advance(Duration.ofSeconds(30));
        guard.recordFailure("198.51.100.1");
        clock.advance(Duration.ofSeconds(31));
        assertThat(guard.recordFailure("198.51.100.1")).as("the first failure left the window").isFalse();
        assertThat(guard.recordFailure("198.51.100.1")).as("the second is still in it").isTrue();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-24T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

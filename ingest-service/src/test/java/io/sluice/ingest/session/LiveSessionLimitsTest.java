package io.sluice.ingest.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.data.EndReason;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.ingest.config.IngestConfig;
import io.sluice.ingest.support.IngestConfigs;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The once-a-second limits of a live session, at the limit and one past it. */
class LiveSessionLimitsTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final Instant START = Instant.parse("2026-11-24T16:00:00Z");

    private final IngestConfig.Limits limits = IngestConfigs.with(Map.of("sluice.ingest.limits.idle-timeout", "20s",
            "sluice.ingest.limits.bitrate-grace", "10s")).limits();

    @Test
    void idleTimeoutCountsFromTheLastMediaAndNotWhilePaused() {
        LiveSessionLimits session = new LiveSessionLimits(limits, entry(0, 0), START, 0);
        session.mediaArrived(5 * SECOND);

        assertThat(session.check(25 * SECOND, START, false, 0)).as("20 s after the last media").isEmpty();
        assertThat(session.check(25 * SECOND + 1, START, true, 0)).as("past it, but the socket is paused").isEmpty();
        assertThat(reason(session.check(25 * SECOND + 1, START, false, 0))).contains(EndReason.IDLE_TIMEOUT);
    }

    @Test
    void theMaximumContinuousDurationComesFromTheRegistry() {
        LiveSessionLimits session = new LiveSessionLimits(limits, entry(0, 60), START, 0);

        assertThat(session.check(SECOND, START.plusSeconds(60), false, 0)).isEmpty();
        assertThat(reason(session.check(SECOND, START.plusSeconds(60).plusMillis(1), false, 0))).contains(EndReason.MAX_DURATION);
        assertThat(new LiveSessionLimits(limits, entry(0, 0), START, 0).check(SECOND, START.plusSeconds(86_400), false, 0))
                .as("0 means none").isEmpty();
    }

    @Test
    void aStreamOverItsBitrateEndsOnlyAfterTheGrace() {
        LiveSessionLimits session = new LiveSessionLimits(limits, entry(1000, 0), START, 0);

        assertThat(session.check(SECOND, START, false, 1000)).as("at the limit").isEmpty();
        assertThat(session.check(2 * SECOND, START, false, 1001)).as("over it: the grace starts").isEmpty();
        assertThat(session.check(12 * SECOND, START, false, 1001)).as("for exactly the grace").isEmpty();
        assertThat(reason(session.check(12 * SECOND + 1, START, false, 1001))).contains(EndReason.BITRATE_EXCEEDED);
    }

    @Test
    void droppingBelowTheLimitRestartsTheGrace() {
        LiveSessionLimits session = new LiveSessionLimits(limits, entry(1000, 0), START, 0);
        session.check(SECOND, START, false, 2000);
        session.check(5 * SECOND, START, false, 900);

        assertThat(session.check(6 * SECOND, START, false, 2000)).isEmpty();
        assertThat(session.check(16 * SECOND, START, false, 2000)).isEmpty();
        assertThat(reason(session.check(16 * SECOND + 1, START, false, 2000))).contains(EndReason.BITRATE_EXCEEDED);
    }

    private static Optional<EndReason> reason(Optional<SessionEnd> end) {
        return end.map(SessionEnd::reason);
    }

    private static StreamKeyEntry entry(long maxBitrateKbps, long maxDurationSeconds) {
        return new StreamKeyEntry("ls_limits", "acme", "00", StreamKeyEntry.Status.ENABLED, maxBitrateKbps, maxDurationSeconds,
                60, true, null, 1, START);
    }
}

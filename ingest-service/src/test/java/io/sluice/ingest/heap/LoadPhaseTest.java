package io.sluice.ingest.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadPhaseTest {

    private static final long SECOND = 1_000_000_000L;
    private final LoadPhase phase = new LoadPhase(10, Duration.ofSeconds(30), Duration.ofMinutes(5));

    @Test
    void loadedOnceEnoughSessionsHaveBeenLiveForTheSettlingTime() {
        assertThat(phase.observe(0, 10)).isEmpty();
        assertThat(phase.observe(29 * SECOND, 12)).isEmpty();
        assertThat(phase.observe(30 * SECOND, 10)).contains(LoadPhase.Change.TO_LOADED);
        assertThat(phase.loaded()).isTrue();
        assertThat(phase.observe(31 * SECOND, 40)).isEmpty();
    }

    @Test
    void aDipBelowTheThresholdStartsTheSettlingTimeAgain() {
        phase.observe(0, 10);
        phase.observe(20 * SECOND, 9);
        assertThat(phase.observe(40 * SECOND, 10)).isEmpty();
        assertThat(phase.observe(69 * SECOND, 10)).isEmpty();
        assertThat(phase.observe(70 * SECOND, 10)).contains(LoadPhase.Change.TO_LOADED);
    }

    @Test
    void idleAgainOnlyOnceNoSessionHasBeenLiveForTheIdleTime() {
        phase.observe(0, 10);
        phase.observe(30 * SECOND, 10);
        // Fewer sessions than the threshold is still load: only none at all is idle.
        assertThat(phase.observe(60 * SECOND, 1)).isEmpty();
        assertThat(phase.observe(100 * SECOND, 0)).isEmpty();
        assertThat(phase.observe(200 * SECOND, 1)).as("a stream reconnecting").isEmpty();
        assertThat(phase.observe(300 * SECOND, 0)).isEmpty();
        assertThat(phase.observe(599 * SECOND, 0)).isEmpty();
        assertThat(phase.observe(600 * SECOND, 0)).contains(LoadPhase.Change.TO_IDLE);
        assertThat(phase.loaded()).isFalse();
    }

    @Test
    void aThresholdOfNoSessionIsRefused() {
        assertThatThrownBy(() -> new LoadPhase(0, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}

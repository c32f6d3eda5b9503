package io.sluice.ingest.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrackClockTest {

    @Test
    void stepsBackUpToTheToleranceAreAccepted() {
        TrackClock clock = new TrackClock(5000);
        assertThat(clock.accept(10_000)).isTrue();
        assertThat(clock.accept(5_000)).as("exactly the tolerance").isTrue();
        assertThat(clock.accept(4_999)).as("one past it").isFalse();
        assertThat(clock.lastRegressionMillis()).isEqualTo(5001);
    }

    @Test
    void theThirtyTwoBitWrapIsAStepForward() {
        TrackClock clock = new TrackClock(5000);
        assertThat(clock.accept(0xFFFF_FF00L)).isTrue();
        assertThat(clock.accept(0x0000_0100L)).as("after the wrap").isTrue();
        assertThat(clock.accept(0x0000_0200L)).isTrue();
    }
}

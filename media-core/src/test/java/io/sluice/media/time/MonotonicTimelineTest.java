package io.sluice.media.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MonotonicTimelineTest {

    private static final long MAX = 0xFFFF_FFFFL;

    @Test
    void firstTimestampIsItsOwnValueAndForwardStepsAdd() {
        var timeline = new MonotonicTimeline();
        assertThat(timeline.next(1000)).isEqualTo(new TimelinePoint(1000, false));
        assertThat(timeline.next(1040)).isEqualTo(new TimelinePoint(1040, false));
        assertThat(timeline.next(1040)).isEqualTo(new TimelinePoint(1040, false));
    }

    @Test
    void wrapAroundKeepsCountingPast32Bits() {
        var timeline = new MonotonicTimeline();
        timeline.next(MAX - 19);
        assertThat(timeline.next(MAX)).isEqualTo(new TimelinePoint(MAX, false));
        assertThat(timeline.next(20)).isEqualTo(new TimelinePoint(MAX + 21, false));
        assertThat(timeline.next(60)).isEqualTo(new TimelinePoint(MAX + 61, false));
    }

    @Test
    void manyWrapsAccumulate() {
        var timeline = new MonotonicTimeline();
        long step = 1L << 30;
        long expected = 0;
        timeline.next(0);
        for (int i = 1; i <= 12; i++) {
            expected += step;
            assertThat(timeline.next(expected & MAX).millis()).isEqualTo(expected);
        }
        assertThat(expected).isGreaterThan(2 * (MAX + 1));
    }

    @Test
    void backwardJumpIsClampedFlaggedAndReanchored() {
        var timeline = new MonotonicTimeline();
        timeline.next(5000);
        assertThat(timeline.next(100)).isEqualTo(new TimelinePoint(5000, true));
        assertThat(timeline.next(140)).isEqualTo(new TimelinePoint(5040, false));
    }
}

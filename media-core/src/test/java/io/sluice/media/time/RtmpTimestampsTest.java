package io.sluice.media.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtmpTimestampsTest {

    private static final long MAX = 0xFFFF_FFFFL;

    @Test
    void differenceIsSignedAndCrossesTheWrap() {
        assertThat(RtmpTimestamps.difference(1000, 1040)).isEqualTo(40);
        assertThat(RtmpTimestamps.difference(1040, 1000)).isEqualTo(-40);
        assertThat(RtmpTimestamps.difference(MAX - 9, 30)).isEqualTo(40);
        assertThat(RtmpTimestamps.difference(30, MAX - 9)).isEqualTo(-40);
    }

    @Test
    void compareFollowsSerialNumberOrder() {
        assertThat(RtmpTimestamps.compare(5, 5)).isZero();
        assertThat(RtmpTimestamps.compare(10, 5)).isPositive();
        assertThat(RtmpTimestamps.compare(5, MAX)).isPositive();
        assertThat(RtmpTimestamps.compare(MAX, 5)).isNegative();
        assertThat(RtmpTimestamps.compare((1L << 31) - 1, 0)).isPositive();
        assertThat(RtmpTimestamps.compare((1L << 31) + 1, 0)).isNegative();
    }

    @Test
    void addWrapsModulo2To32() {
        assertThat(RtmpTimestamps.add(MAX, 1)).isZero();
        assertThat(RtmpTimestamps.add(0, -1)).isEqualTo(MAX);
    }
}

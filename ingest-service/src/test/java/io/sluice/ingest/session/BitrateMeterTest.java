package io.sluice.ingest.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BitrateMeterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void averagesTheFullSecondsOfTheWindow() {
        BitrateMeter meter = new BitrateMeter(6);
        for (int s = 0; s < 6; s++) {
            meter.add(s * SECOND + 10, 375_000);
        }
        // 375,000 bytes per second = 3,000 kbit/s.
        assertThat(meter.kbps(6 * SECOND)).isEqualTo(3000);
    }

    @Test
    void quietSecondsBringItDown() {
        BitrateMeter meter = new BitrateMeter(6);
        meter.add(0, 625_000);
        assertThat(meter.kbps(SECOND)).isEqualTo(1000);
        assertThat(meter.kbps(20 * SECOND)).isZero();
    }
}

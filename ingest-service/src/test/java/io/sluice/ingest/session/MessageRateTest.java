package io.sluice.ingest.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageRateTest {

    private static final long SECOND = 1_000_000_000L;

    @ParameterizedTest(name = "{0} messages at once against a burst of 500")
    @ValueSource(ints = {499, 500, 501})
    void aBurstIsLetThroughUpToItsSize(int messages) {
        MessageRate rate = new MessageRate(100, 500, 0);
        long wait = 0;
        for (int i = 0; i < messages; i++) {
            wait = rate.take(0);
        }
        if (messages <= 500) {
            assertThat(wait).isZero();
        } else {
            assertThat(wait).as("one message over: a hundredth of a second at 100 a second").isEqualTo(SECOND / 100);
        }
    }

    @Test
    void theRateRefillsTheBudgetAndNoFaster() {
        MessageRate rate = new MessageRate(100, 500, 0);
        for (int i = 0; i < 500; i++) {
            rate.take(0);
        }
        assertThat(rate.take(SECOND / 100)).as("one token came back after 10 ms").isZero();
        assertThat(rate.take(SECOND / 100)).as("and only one").isEqualTo(SECOND / 100);
        assertThat(rate.take(10 * SECOND)).as("ten seconds later the bucket is full again, not overfull").isZero();
        for (int i = 0; i < 499; i++) {
            assertThat(rate.take(10 * SECOND)).isZero();
        }
        assertThat(rate.take(10 * SECOND)).isPositive();
    }

    @Test
    void aSteadyStreamUnderTheRateNeverWaits() {
        MessageRate rate = new MessageRate(1000, 5000, 0);
        for (long t = 0; t < 60 * SECOND; t += SECOND / 200) {
            assertThat(rate.take(t)).isZero();
        }
    }
}

package io.sluice.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InFlightBudgetTest {

    @Test
    void takingPastTheLimitSaysSoAndWaitersResumeAtHalf() {
        InFlightBudget budget = new InFlightBudget(100);
        assertThat(budget.take(99)).as("N - 1").isTrue();
        assertThat(budget.take(1)).as("N").isTrue();
        assertThat(budget.take(1)).as("N + 1").isFalse();

        AtomicInteger resumed = new AtomicInteger();
        budget.whenAvailable(resumed::incrementAndGet);
        budget.release(40);
        assertThat(resumed).as("61 in flight is over half").hasValue(0);
        budget.release(11);
        assertThat(resumed).as("50 is half").hasValue(1);
        assertThat(budget.take(50)).as("50 in flight leave room for 50 more").isTrue();
        assertThat(budget.take(1)).isFalse();
    }

    @Test
    void aWaiterWithRoomAlreadyRunsAtOnce() {
        InFlightBudget budget = new InFlightBudget(100);
        AtomicInteger resumed = new AtomicInteger();
        budget.whenAvailable(resumed::incrementAndGet);
        assertThat(resumed).hasValue(1);
    }
}

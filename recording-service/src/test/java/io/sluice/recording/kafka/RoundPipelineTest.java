package io.sluice.recording.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rounds stored off the consumer thread: one at a time, in order, and none after one that failed. */
class RoundPipelineTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RoundPipeline rounds = new RoundPipeline(Timer.builder("store").register(meters),
            Timer.builder("wait").register(meters));

    @AfterEach
    void close() {
        rounds.close();
    }

    @Test
    void roundsAreStoredOneAfterTheOtherInOrder() throws InterruptedException {
        List<String> events = new CopyOnWriteArrayList<>();
        AtomicInteger storing = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        rounds.submit(() -> {
            mostAtOnce.accumulateAndGet(storing.incrementAndGet(), Math::max);
            events.add("1 starts");
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            events.add("1 ends");
            storing.decrementAndGet();
        });
        assertThat(rounds.busy()).as("the consumer reads on while round 1 is stored").isTrue();
        release.countDown();
        for (int round = 2; round <= 20; round++) {
            String name = Integer.toString(round);
            rounds.submit(() -> {
                mostAtOnce.accumulateAndGet(storing.incrementAndGet(), Math::max);
                events.add(name + " starts");
                events.add(name + " ends");
                storing.decrementAndGet();
            });
        }
        rounds.await();

        assertThat(rounds.busy()).isFalse();
        assertThat(mostAtOnce).as("never two rounds at once").hasValue(1);
        assertThat(events).hasSize(40);
        for (int round = 1; round <= 20; round++) {
            assertThat(events.get(2 * round - 2)).isEqualTo(round + " starts");
            assertThat(events.get(2 * round - 1)).isEqualTo(round + " ends");
        }
    }

    @Test
    void nothingIsStoredAfterAFailedRoundUntilItIsAbandoned() {
        IllegalStateException storageAway = new IllegalStateException("storage away");
        AtomicBoolean laterStored = new AtomicBoolean();
        rounds.submit(() -> {
            throw storageAway;
        });

        assertThatThrownBy(() -> rounds.submit(() -> laterStored.set(true))).isSameAs(storageAway);
        assertThatThrownBy(() -> rounds.submit(() -> laterStored.set(true)))
                .as("a rebalance storing what was read after the failure stores nothing either")
                .isSameAs(storageAway);
        assertThatThrownBy(rounds::await).isSameAs(storageAway);
        assertThat(laterStored).as("no round after a failed one is stored").isFalse();

        rounds.abandon();
        AtomicBoolean stored = new AtomicBoolean();
        rounds.submit(() -> stored.set(true));
        rounds.await();
        assertThat(stored).as("once the consumer went back to its committed offsets, rounds are stored again")
                .isTrue();
    }

    @Test
    void theFailureKeepsItsType() {
        class Fenced extends RuntimeException {
        }
        Fenced fenced = new Fenced();
        rounds.submit(() -> {
            throw fenced;
        });

        assertThatThrownBy(rounds::await).isSameAs(fenced);
    }

    @Test
    void abandonWaitsAndForgetsTheFailure() {
        rounds.submit(() -> {
            throw new IllegalStateException("database away");
        });

        rounds.abandon();
        assertThat(rounds.busy()).isFalse();
        rounds.await();
    }
}

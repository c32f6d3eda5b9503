package io.sluice.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.StreamKeyHash;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.testkit.RegistryWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A publish waiting for a key the registry does not hold yet: answered when it comes, or after the wait. */
class StreamKeyRegistryTest {

    /** Longer than any test here waits; reaching it would mean the wait never ended. */
    private static final Duration NEVER = Duration.ofMinutes(10);
    private static final long JOIN_SECONDS = 30;

    private final StreamKeyRegistry registry = new StreamKeyRegistry();

    @Test
    void aKeyAppliedWhileAwaitedAnswersTheWaitAndTheWaitLeaves() throws Exception {
        RegistryWriter.TestStream stream = RegistryWriter.unwritten("acme", 60);
        CompletableFuture<Optional<StreamKeyEntry>> arrival = registry.awaitKey(stream.key(), NEVER);
        assertThat(arrival).isNotDone();
        assertThat(registry.awaitedKeys()).isEqualTo(1);

        registry.apply(stream.entry());

        assertThat(arrival.get(JOIN_SECONDS, TimeUnit.SECONDS)).contains(stream.entry());
        assertThat(registry.awaitedKeys()).isZero();
    }

    @Test
    void aKeyAlreadyHeldIsAnsweredAtOnce() {
        RegistryWriter.TestStream stream = RegistryWriter.unwritten("acme", 60);
        registry.apply(stream.entry());

        CompletableFuture<Optional<StreamKeyEntry>> arrival = registry.awaitKey(stream.key(), NEVER);

        assertThat(arrival).isCompletedWithValue(Optional.of(stream.entry()));
        assertThat(registry.awaitedKeys()).isZero();
    }

    @Test
    void aKeyThatNeverComesIsAnsweredEmptyOnceTheWaitIsOver() throws Exception {
        CompletableFuture<Optional<StreamKeyEntry>> arrival = registry.awaitKey(RegistryWriter.newKey(), Duration.ofMillis(50));

        assertThat(arrival.get(JOIN_SECONDS, TimeUnit.SECONDS)).isEmpty();
        assertThat(registry.awaitedKeys()).isZero();
    }

    @Test
    void cancellingEndsTheWait() {
        CompletableFuture<Optional<StreamKeyEntry>> arrival = registry.awaitKey(RegistryWriter.newKey(), NEVER);

        arrival.cancel(false);

        assertThat(registry.awaitedKeys()).isZero();
    }

    @Test
    void everyWaitForTheKeyIsAnsweredAndOnlyThose() throws Exception {
        RegistryWriter.TestStream stream = RegistryWriter.unwritten("acme", 60);
        RegistryWriter.TestStream other = RegistryWriter.unwritten("acme", 60);
        CompletableFuture<Optional<StreamKeyEntry>> first = registry.awaitKey(stream.key(), NEVER);
        CompletableFuture<Optional<StreamKeyEntry>> second = registry.awaitKey(stream.key(), NEVER);
        CompletableFuture<Optional<StreamKeyEntry>> otherKey = registry.awaitKey(other.key(), NEVER);

        registry.apply(stream.entry());

        assertThat(first.get(JOIN_SECONDS, TimeUnit.SECONDS)).contains(stream.entry());
        assertThat(second.get(JOIN_SECONDS, TimeUnit.SECONDS)).contains(stream.entry());
        assertThat(otherKey).isNotDone();
        assertThat(registry.awaitedKeys()).isEqualTo(1);
        otherKey.cancel(false);
    }

    @Test
    void aRotationAnswersTheWaitForTheNewKey() throws Exception {
        RegistryWriter.TestStream stream = RegistryWriter.unwritten("acme", 60);
        registry.apply(stream.entry());
        String newKey = RegistryWriter.newKey();
        CompletableFuture<Optional<StreamKeyEntry>> arrival = registry.awaitKey(newKey, NEVER);

        StreamKeyEntry rotated = stream.next(StreamKeyEntry.Status.ENABLED, StreamKeyHash.of(newKey));
        registry.apply(rotated);

        assertThat(arrival.get(JOIN_SECONDS, TimeUnit.SECONDS)).contains(rotated);
        assertThat(registry.lookup(stream.key())).as("the old key").isEmpty();
    }
}

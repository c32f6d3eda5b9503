package io.sluice.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sluice.events.EventHeader;
import io.sluice.events.EventRecord;
import io.sluice.events.StreamKeyHash;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.ingest.metrics.IngestMetrics;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry's follower and readiness against the real broker and the real registry topic: readiness
 * says DOWN until the topic is read to its end and while the follower starts over after a failure, and
 * no change is lost to a failure.
 */
class RegistryFollowerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final StreamKeyRegistry registry = new StreamKeyRegistry();
    private RegistryWriter writer;
    private RegistryConsumer consumer;
    private RegistryReadinessCheck readiness;

    @BeforeEach
    void follower() {
        writer = new RegistryWriter();
        consumer = new RegistryConsumer(registry, new IngestMetrics(meters), TestStack.get().endpoints().kafkaBootstrapServers());
        readiness = new RegistryReadinessCheck(consumer, registry);
    }

    @AfterEach
    void stop() throws InterruptedException {
        consumer.stop(null);
        writer.close();
    }

    @Test
    void readinessIsDownUntilTheTopicIsReadToItsEnd() throws Exception {
        RegistryWriter.TestStream stream = writer.create("acme");
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        registry.onChange(change -> {
            reading.countDown();
            awaitQuietly(release);
        });
        assertThat(status()).as("before following").isEqualTo(HealthCheckResponse.Status.DOWN);

        consumer.start(null);
        assertThat(reading.await(30, TimeUnit.SECONDS)).as("the follower reads the topic").isTrue();
        assertThat(status()).as("held on its first record, short of the topic's end").isEqualTo(HealthCheckResponse.Status.DOWN);
        release.countDown();

        assertThat(eventually(() -> status() == HealthCheckResponse.Status.UP, Duration.ofSeconds(30)))
                .as("UP once read to the end").isTrue();
        assertThat(registry.lookup(stream.key())).as("the stream written before the start").isPresent();
    }

    @Test
    void aFailedFollowerStartsOverWhereItStoppedAndLosesNoChange() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        AtomicInteger deliveries = new AtomicInteger();
        registry.onChange(change -> {
            if (change.current().filter(e -> e.tenant().equals(tenant)).isPresent() && deliveries.incrementAndGet() == 1) {
                throw new IllegalStateException("a listener failed");
            }
        });
        consumer.start(null);
        assertThat(eventually(() -> status() == HealthCheckResponse.Status.UP, Duration.ofSeconds(30))).isTrue();
        double malformedBefore = malformed();

        RegistryWriter.TestStream stream = writer.create(tenant);
        assertThat(eventually(() -> status() == HealthCheckResponse.Status.DOWN, Duration.ofSeconds(10)))
                .as("DOWN while it starts over").isTrue();
        assertThat(eventually(() -> status() == HealthCheckResponse.Status.UP, Duration.ofSeconds(30)))
                .as("UP again once caught up").isTrue();

        assertThat(restarts()).isEqualTo(1);
        assertThat(deliveries).as("the record it failed on was handled again").hasValue(2);
        assertThat(registry.lookup(stream.key())).isPresent();

        writer.sendRaw(new EventRecord(stream.streamId(), "not an event".getBytes(StandardCharsets.UTF_8),
                List.of(EventHeader.of("content-type", "text/plain"))));
        writer.write(stream.next(StreamKeyEntry.Status.DISABLED, StreamKeyHash.of(stream.key())));
        assertThat(eventually(() -> registry.lookup(stream.key()).map(StreamKeyEntry::status)
                .filter(StreamKeyEntry.Status.DISABLED::equals).isPresent(), Duration.ofSeconds(5)))
                .as("a later change applies, past a malformed record").isTrue();
        assertThat(malformed()).isEqualTo(malformedBefore + 1);
        assertThat(restarts()).as("a malformed record is skipped, not a failure").isEqualTo(1);
    }

    private HealthCheckResponse.Status status() {
        return readiness.call().getStatus();
    }

    private double malformed() {
        return meters.find("sluice.ingest.registry.malformed").counter().count();
    }

    private double restarts() {
        Counter counter = meters.find("sluice.ingest.follower.restarts").tag("follower", "ingest-registry").counter();
        return counter == null ? 0 : counter.count();
    }

    private static boolean eventually(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

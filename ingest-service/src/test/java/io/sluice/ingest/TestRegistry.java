package io.sluice.ingest;

import io.sluice.events.data.StreamKeyEntry;
import io.sluice.ingest.registry.RegistryChange;
import io.sluice.ingest.registry.StreamKeyRegistry;
import io.sluice.testkit.RegistryWriter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registry entries written to the real topic, waited for until the application under test has applied
 * them (its registry told its listeners), so a test never races the registry consumer.
 */
@ApplicationScoped
public class TestRegistry {

    private final RegistryWriter writer = new RegistryWriter();
    /** The newest version each stream's registry change brought. */
    private final Map<String, Long> applied = new ConcurrentHashMap<>();

    TestRegistry(StreamKeyRegistry registry) {
        registry.onChange(this::record);
    }

    public RegistryWriter.TestStream createStream(String tenant) {
        RegistryWriter.TestStream stream = writer.create(tenant);
        awaitVersion(stream.streamId(), stream.entry().version());
        return stream;
    }

    /** Writes the entry and returns once the application holds it. */
    public void update(StreamKeyEntry entry) {
        writer.write(entry);
        awaitVersion(entry.streamId(), entry.version());
    }

    /** Writes without waiting: the test measures how long the change takes. */
    public void write(StreamKeyEntry entry) {
        writer.write(entry);
    }

    public void delete(String streamId) {
        writer.delete(streamId);
    }

    private void record(RegistryChange change) {
        change.current().ifPresent(entry -> applied.merge(entry.streamId(), entry.version(), Math::max));
    }

    private void awaitVersion(String streamId, long version) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (applied.getOrDefault(streamId, 0L) >= version) {
                return;
            }
            sleep();
        }
        throw new AssertionError("the ingest did not pick up the registry entry of " + Objects.requireNonNull(streamId));
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void close() {
        writer.close();
    }
}

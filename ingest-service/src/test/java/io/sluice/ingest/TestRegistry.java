package io.sluice.ingest;

import io.sluice.ingest.registry.StreamKeyRegistry;
import io.sluice.media.event.data.StreamKeyEntry;
import io.sluice.testkit.RegistryWriter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Registry entries written to the real topic, waited for until the application under test holds them, so
 * a test never races the registry consumer.
 */
@ApplicationScoped
public class TestRegistry {

    private final StreamKeyRegistry registry;
    private final RegistryWriter writer = new RegistryWriter();

    TestRegistry(StreamKeyRegistry registry) {
        this.registry = registry;
    }

    public RegistryWriter.TestStream createStream(String tenant) {
        RegistryWriter.TestStream stream = writer.create(tenant);
        awaitEntry(stream.streamId(), e -> e.version() == stream.entry().version());
        return stream;
    }

    /** Writes the entry and returns once the application holds it. */
    public void update(StreamKeyEntry entry) {
        writer.write(entry);
        awaitEntry(entry.streamId(), e -> e.version() == entry.version());
    }

    /** Writes without waiting: the test measures how long the change takes. */
    public void write(StreamKeyEntry entry) {
        writer.write(entry);
    }

    public void delete(String streamId) {
        writer.delete(streamId);
    }

    private void awaitEntry(String streamId, Predicate<StreamKeyEntry> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<StreamKeyEntry> entry = registry.entry(streamId);
            if (entry.filter(condition).isPresent()) {
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

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;

/**
 * Registry entries written to the real topic, waited for until the application under test has applied
 * them (its registry told its listeners), so a test never races the registry consumer.
 */
@ApplicationScoped
public class TestRegistry {

    /** How long the registry consumer may take to apply a record: generous, it is a poll away. */
    private static final Duration APPLY_BOUND = Duration.ofSeconds(10);

    private final RegistryWriter writer = new RegistryWriter();
    /** The newest version each stream's registry change brought. */
    private final Map<String, Long> applied = new ConcurrentHashMap<>();
    /** Streams whose deletion the application applied. */
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();

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

    /** Deletes the stream and returns once the application no longer holds it. */
    public void deleteAndAwait(String streamId) {
        writer.delete(streamId);
        await(streamId, () -> deleted.contains(streamId));
    }

    private void record(RegistryChange change) {
        change.current().ifPresentOrElse(entry -> applied.merge(entry.streamId(), entry.version(), Math::max),
                () -> deleted.add(change.streamId()));
    }

    private void awaitVersion(String streamId, long version) {
        await(streamId, () -> applied.getOrDefault(streamId, 0L) >= version);
    }

    private static void await(String streamId, BooleanSupplier applied) {
        Awaitility.await("the ingest picks up the registry change of " + Objects.requireNonNull(streamId))
                .atMost(APPLY_BOUND).pollInterval(Duration.ofMillis(20)).until(applied::getAsBoolean);
    }

    @PreDestroy
    void close() {
        writer.close();
    }
}

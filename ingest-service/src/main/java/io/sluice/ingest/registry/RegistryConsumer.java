package io.sluice.ingest.registry;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sluice.events.DecodedEvent;
import io.sluice.events.EventFormatException;
import io.sluice.events.Topics;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.ingest.kafka.FetchPace;
import io.sluice.ingest.kafka.TopicFollower;
import io.sluice.ingest.metrics.IngestMetrics;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads the compacted key registry into {@link StreamKeyRegistry}: the whole topic from its beginning at
 * start-up, then every change as it comes. Readiness follows {@link #healthy()}: a valid key could be
 * refused while the registry is not read to its end.
 */
@Singleton
public class RegistryConsumer extends TopicFollower {

    private static final Logger LOG = Logger.getLogger(RegistryConsumer.class);

    private final StreamKeyRegistry registry;
    private final IngestMetrics metrics;
    private final long startedNanos = System.nanoTime();
    private boolean loadedOnce;

    RegistryConsumer(StreamKeyRegistry registry, IngestMetrics metrics,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        // A change of a key must reach its live session within a second.
        super(Topics.STREAM_KEYS, "ingest-registry", bootstrapServers, FetchPace.prompt(), metrics);
        this.registry = registry;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        startFollowing();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopFollowing();
    }

    @Override
    protected void position(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        kafka.seekToBeginning(partitions);
    }

    @Override
    protected void onEvent(DecodedEvent event, ConsumerRecord<String, byte[]> record) {
        switch (event) {
            case DecodedEvent.Structured s when s.event().data() instanceof StreamKeyEntry entry -> registry.apply(entry);
            case DecodedEvent.Tombstone t -> registry.remove(t.streamId());
            case DecodedEvent.Unknown u -> LOG.debugf("skipping registry event of unknown type %s", u.typeName());
            default -> throw new EventFormatException("not a registry event");
        }
    }

    @Override
    protected void onMalformed(ConsumerRecord<String, byte[]> record, EventFormatException error) {
        metrics.malformedRegistryRecord();
        LOG.warnf("skipping malformed registry record at %s-%d@%d (stream %s): %s", record.topic(), record.partition(),
                record.offset(), record.key(), error.getMessage());
    }

    @Override
    protected void onCaughtUp() {
        if (!loadedOnce) {
            loadedOnce = true;
            LOG.infof("stream-key registry loaded: %d streams in %d ms", registry.size(),
                    Duration.ofNanos(System.nanoTime() - startedNanos).toMillis());
        } else {
            LOG.infof("stream-key registry caught up again: %d streams", registry.size());
        }
    }
}

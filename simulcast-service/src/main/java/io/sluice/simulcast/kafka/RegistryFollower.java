package io.sluice.simulcast.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.sluice.events.DecodedEvent;
import io.sluice.events.EventCodec;
import io.sluice.events.Topics;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.simulcast.domain.StreamDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Follows the compacted key registry ({@code sluice.stream-keys.v1}) from its beginning, outside any consumer group:
 * every instance knows every stream's tenant, which decides who may see and change its targets.
 */
@ApplicationScoped
public class RegistryFollower implements StreamDirectory {

    private static final Logger LOG = Logger.getLogger(RegistryFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry meters;
    private final Map<String, KnownStream> streams = new ConcurrentHashMap<>();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private volatile boolean running;
    /** Whether every stream the registry held at start is known: until then a stream may look like another's. */
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<String, byte[]> consumer;

    RegistryFollower(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry meters) {
        this.kafkaConfig = kafkaConfig;
        this.meters = meters;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        Thread.ofPlatform().name("simulcast-registry").daemon().start(this::run);
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    /** Whether the registry has been read up to where it ended when this instance started. */
    public boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public Optional<KnownStream> find(String streamId) {
        return Optional.ofNullable(streams.get(streamId));
    }

    /** The stream, waiting up to {@code timeout} for the registry to tell of it. */
    public Optional<KnownStream> await(String streamId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<KnownStream> stream = find(streamId);
        while (stream.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            stream = find(streamId);
        }
        return stream;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> registry = new KafkaConsumer<>(consumerConfig())) {
                consumer = registry;
                List<TopicPartition> partitions = registry.partitionsFor(Topics.STREAM_KEYS, Duration.ofSeconds(30))
                        .stream().map(p -> new TopicPartition(Topics.STREAM_KEYS, p.partition())).toList();
                registry.assign(partitions);
                registry.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = registry.endOffsets(partitions);
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : registry.poll(POLL)) {
                        apply(record);
                    }
                    if (!caughtUp && end.entrySet().stream().allMatch(e -> registry.position(e.getKey()) >= e.getValue())) {
                        caughtUp = true;
                        LOG.infof("The key registry is read up to where it ended at start: %d streams", streams.size());
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                meters.counter("sluice.simulcast.registry.restarts").increment();
                LOG.warnf("The key registry's follower failed and starts over: %s", e.toString());
                pause();
            } finally {
                consumer = null;
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        DecodedEvent event;
        try {
            event = EventCodec.decode(record);
        } catch (RuntimeException e) {
            meters.counter("sluice.simulcast.registry.malformed").increment();
            LOG.warnf("Skipping a malformed registry record at %s-%d offset %d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        switch (event) {
            case DecodedEvent.Tombstone tombstone -> {
                streams.remove(tombstone.streamId());
                versions.remove(tombstone.streamId());
            }
            case DecodedEvent.Structured structured when structured.event().data() instanceof StreamKeyEntry entry -> {
                Long known = versions.get(entry.streamId());
                if (known == null || entry.version() >= known) {
                    versions.put(entry.streamId(), entry.version());
                    streams.put(entry.streamId(), new KnownStream(entry.streamId(), entry.tenant(),
                            Duration.ofSeconds(Math.min(1800, Math.max(0, entry.reconnectWindowSeconds())))));
                }
            }
            default -> {
                // Other types on the registry are for others.
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "simulcast-registry-follower");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }
}

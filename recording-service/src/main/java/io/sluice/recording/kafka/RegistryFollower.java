package io.sluice.recording.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.sluice.events.DecodedEvent;
import io.sluice.events.EventCodec;
import io.sluice.events.Topics;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.recording.domain.StreamDirectory;
import io.sluice.recording.domain.StreamInfo;
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
 * Follows the compacted key registry ({@code sluice.stream-keys.v1}) from its beginning, without a consumer
 * group: every instance holds every stream's tenant, playback id, recording flag and reconnect window. It is
 * caught up once it has read up to where the topic ended when it started; the media consumer waits for that, so
 * that no session is recorded before its stream is known. A follower that fails starts over from the beginning.
 */
@ApplicationScoped
public class RegistryFollower implements StreamDirectory {

    private static final Logger LOG = Logger.getLogger(RegistryFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(2);

    private record Known(StreamInfo stream, long version) {
    }

    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry meters;
    private final Map<String, Known> streams = new ConcurrentHashMap<>();
    private volatile boolean caughtUp;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    RegistryFollower(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry meters) {
        this.kafkaConfig = kafkaConfig;
        this.meters = meters;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        thread = Thread.ofPlatform().name("registry-follower").daemon().start(this::run);
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public Optional<StreamInfo> find(String streamId) {
        Known known = streams.get(streamId);
        return known == null ? Optional.empty() : Optional.of(known.stream());
    }

    /**
     * The stream, waiting up to {@code timeout} for it to be read: the ingest accepts a publish only once its
     * registry knows the key, so a session's stream is on the registry topic before the session starts, but
     * this follower may not have read it yet.
     */
    public Optional<StreamInfo> await(String streamId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<StreamInfo> stream = find(streamId);
        while (stream.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            stream = find(streamId);
        }
        return stream;
    }

    /** Whether the whole registry as it was at start has been read. */
    public boolean caughtUp() {
        return caughtUp;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> registry = new KafkaConsumer<>(consumerConfig())) {
                consumer = registry;
                follow(registry);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                meters.counter("sluice.recording.follower.restarts").increment();
                LOG.warnf("The key registry's follower failed and starts over: %s", e.toString());
                try {
                    Thread.sleep(RESTART_PAUSE.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } finally {
                consumer = null;
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> registry) {
        List<TopicPartition> partitions = registry.partitionsFor(Topics.STREAM_KEYS, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(Topics.STREAM_KEYS, p.partition())).toList();
        registry.assign(partitions);
        registry.seekToBeginning(partitions);
        Map<TopicPartition, Long> target = registry.endOffsets(partitions);
        while (running) {
            for (ConsumerRecord<String, byte[]> record : registry.poll(POLL)) {
                apply(record);
            }
            if (!caughtUp && target.entrySet().stream().allMatch(end -> registry.position(end.getKey()) >= end.getValue())) {
                caughtUp = true;
                LOG.infof("The key registry is read: %d streams", streams.size());
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        DecodedEvent event;
        try {
            event = EventCodec.decode(record);
        } catch (RuntimeException e) {
            meters.counter("sluice.recording.registry.malformed").increment();
            LOG.warnf("Skipping a malformed registry record at %s-%d offset %d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        switch (event) {
            case DecodedEvent.Tombstone tombstone -> streams.remove(tombstone.streamId());
            case DecodedEvent.Structured structured when structured.event().data() instanceof StreamKeyEntry entry ->
                    streams.merge(entry.streamId(), new Known(info(entry), entry.version()),
                            (old, updated) -> updated.version() >= old.version() ? updated : old);
            default -> {
                // Other types on the registry are for others.
            }
        }
    }

    private static StreamInfo info(StreamKeyEntry entry) {
        return new StreamInfo(entry.streamId(), entry.tenant(), entry.playbackId() == null ? "" : entry.playbackId(),
                entry.recording(), (int) Math.min(1800, Math.max(0, entry.reconnectWindowSeconds())));
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "recording-registry-follower");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }
}

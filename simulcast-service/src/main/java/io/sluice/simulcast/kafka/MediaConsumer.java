package io.sluice.simulcast.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.sluice.events.DecodedEvent;
import io.sluice.events.EventCodec;
import io.sluice.events.MediaEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.simulcast.config.SimulcastConfig;
import io.sluice.simulcast.domain.StreamDirectory;
import io.sluice.simulcast.forward.SimulcastEngine;
import io.sluice.simulcast.forward.Tag;
import io.sluice.simulcast.storage.LiveSessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads {@code sluice.media.v1} in the consumer group {@code sluice-simulcast} (instances share the partitions) and
 * hands sessions and media to the {@link SimulcastEngine}. Every assigned partition starts at its end: simulcast is
 * live, and old media must never be replayed to a platform. Nothing here waits on a target: the engine only queues.
 */
@ApplicationScoped
public class MediaConsumer {

    private static final Logger LOG = Logger.getLogger(MediaConsumer.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration REGISTRY_WAIT = Duration.ofSeconds(2);

    private final SimulcastConfig config;
    private final Map<String, Object> kafkaConfig;
    private final SimulcastEngine engine;
    private final RegistryFollower registry;
    private final LiveSessionRepository sessions;
    private final MeterRegistry meters;
    private final Map<TopicPartition, Set<String>> streamsOf = new HashMap<>();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    MediaConsumer(SimulcastConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            SimulcastEngine engine, RegistryFollower registry, LiveSessionRepository sessions, MeterRegistry meters) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.engine = engine;
        this.registry = registry;
        this.sessions = sessions;
        this.meters = meters;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        thread = Thread.ofPlatform().name("simulcast-media").start(this::run);
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            KafkaConsumer<String, byte[]> media = new KafkaConsumer<>(consumerConfig());
            try {
                consumer = media;
                media.subscribe(List.of(Topics.MEDIA), new FromTheLiveEnd(media));
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : media.poll(POLL)) {
                        handle(record);
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                meters.counter("sluice.simulcast.media.failures").increment();
                LOG.warnf("The media consumer failed and starts again from the live end: %s", e.toString());
                releaseAll();
                pause();
            } finally {
                consumer = null;
                media.close(closing(running));
            }
        }
    }

    /**
     * A static member (one with an instance id) stays in the group when its consumer closes, so that it takes
     * its partitions back at once when it comes again: right when the consumer starts over after a failure.
     * An instance that stops leaves, so its partitions go to the others now, not after the session timeout.
     */
    static CloseOptions closing(boolean startingOver) {
        return CloseOptions.groupMembershipOperation(startingOver
                ? CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP
                : CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        DecodedEvent event;
        try {
            event = EventCodec.decode(record);
        } catch (RuntimeException e) {
            meters.counter("sluice.simulcast.media.malformed").increment();
            LOG.warnf("Skipping a record at %s-%d offset %d of stream %s that is not an event: %s", record.topic(),
                    record.partition(), record.offset(), record.key(), e.getMessage());
            return;
        }
        switch (event) {
            case DecodedEvent.Media media -> media(media.event());
            case DecodedEvent.Structured structured when structured.event().data() instanceof SessionStarted started -> {
                streamsOf.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new HashSet<>())
                        .add(started.streamId());
                engine.sessionStarted(started.streamId(), tenant(started), started.sessionId(), record.partition());
            }
            case DecodedEvent.Structured structured when structured.event().data() instanceof SessionEnded ended ->
                    engine.sessionEnded(ended.streamId(), ended.sessionId());
            default -> {
                // Stats and types this version does not know change nothing for targets.
            }
        }
    }

    private void media(MediaEvent media) {
        Tag.Kind kind = switch (media.envelope().type()) {
            case MEDIA_VIDEO -> Tag.Kind.VIDEO;
            case MEDIA_AUDIO -> Tag.Kind.AUDIO;
            case MEDIA_METADATA -> Tag.Kind.METADATA;
            default -> null;
        };
        if (kind != null) {
            engine.media(media.envelope().subject(), media.sessionId(), new Tag(kind, media.rtmpTimestamp(),
                    media.payload()));
        }
    }

    private String tenant(SessionStarted started) {
        if (started.tenant() != null) {
            return started.tenant();
        }
        try {
            return registry.await(started.streamId(), REGISTRY_WAIT).map(StreamDirectory.KnownStream::tenant).orElse("");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private void releaseAll() {
        Set<String> streams = new HashSet<>();
        streamsOf.values().forEach(streams::addAll);
        streamsOf.clear();
        engine.release(streams);
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Partitions start at their end, whatever was committed; streams of partitions that go are let go. */
    private final class FromTheLiveEnd implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> media;

        FromTheLiveEnd(KafkaConsumer<String, byte[]> media) {
            this.media = media;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            release(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            release(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            media.seekToEnd(partitions);
            resume(partitions);
        }

        /** The sessions live on these partitions went live before this instance had them: they resume from here. */
        private void resume(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            List<LiveSessionRepository.StoredSession> stored;
            try {
                stored = sessions.ofPartitions(partitions.stream().map(TopicPartition::partition).toList());
            } catch (RuntimeException e) {
                meters.counter("sluice.simulcast.media.failures").increment();
                LOG.warnf("The live sessions of partitions %s could not be read; they resume at their next start: %s",
                        partitions, e.toString());
                return;
            }
            for (LiveSessionRepository.StoredSession session : stored) {
                streamsOf.computeIfAbsent(new TopicPartition(Topics.MEDIA, session.partition()), p -> new HashSet<>())
                        .add(session.streamId());
            }
            engine.resume(stored);
        }

        private void release(Collection<TopicPartition> partitions) {
            Set<String> streams = new HashSet<>();
            for (TopicPartition partition : partitions) {
                Set<String> of = streamsOf.remove(partition);
                if (of != null) {
                    streams.addAll(of);
                }
            }
            engine.release(streams);
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> consumerConfig = new HashMap<>(kafkaConfig);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, config.media().groupId());
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "simulcast-media");
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // One record can be RTMP's largest message; a fetch must be able to hold it.
        consumerConfig.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 17 << 20);
        // A restarted instance gets its partitions back at once when it keeps its instance id (static membership);
        // either way a member that died is replaced after the session timeout, not the default 45 s.
        config.media().instanceId().ifPresent(id -> consumerConfig.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        consumerConfig.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) config.media().sessionTimeout().toMillis());
        consumerConfig.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                (int) Math.max(500, config.media().sessionTimeout().toMillis() / 3));
        consumerConfig.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
        return consumerConfig;
    }
}

package io.sluice.ingest.session;

import io.quarkus.runtime.StartupEvent;
import io.sluice.ingest.config.IngestConfig;
import io.sluice.ingest.kafka.AssignedConsumers;
import io.sluice.ingest.kafka.SessionEventSender;
import io.sluice.media.error.MediaFormatException;
import io.sluice.media.event.DecodedEvent;
import io.sluice.media.event.EventCodec;
import io.sluice.media.event.Topics;
import io.sluice.media.event.data.EndReason;
import io.sluice.media.event.data.SessionEnded;
import io.sluice.media.event.data.SessionStarted;
import io.sluice.media.event.kafka.KafkaEventRecords;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * An instance that was killed could not end its sessions. When it starts again it reads the recent history
 * of the sessions topic, finds the sessions it started and never ended, and ends them with
 * {@code ingest_lost}, so that status consumers (auth-service, recording) are not left with streams that
 * look live forever.
 */
@Singleton
public class LostSessionSweeper {

    private static final Logger LOG = Logger.getLogger(LostSessionSweeper.class);

    private final IngestConfig config;
    private final SessionEventSender sender;
    private final String bootstrapServers;
    private final Instant startedAt = Instant.now();

    LostSessionSweeper(IngestConfig config, SessionEventSender sender,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.sender = sender;
        this.bootstrapServers = bootstrapServers;
    }

    void sweep(@Observes StartupEvent event) {
        Thread.ofPlatform().name("lost-session-sweeper").daemon().start(() -> {
            try {
                endLostSessions();
            } catch (RuntimeException e) {
                LOG.warnf("could not look for sessions lost by an earlier run of %s: %s", config.instanceId(), e.getMessage());
            }
        });
    }

    private void endLostSessions() {
        Map<String, SessionStarted> open = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> kafka =
                new KafkaConsumer<>(AssignedConsumers.properties(bootstrapServers, "ingest-lost-sessions"))) {
            List<TopicPartition> partitions = AssignedConsumers.awaitPartitions(kafka, Topics.SESSIONS, () -> true);
            kafka.assign(partitions);
            seekToLookback(kafka, partitions);
            Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
            while (!caughtUp(kafka, end)) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                    track(record, open);
                }
            }
        }
        LOG.debugf("looked back %s on %s: %d sessions of %s left open", config.lostSessionLookback(), Topics.SESSIONS,
                open.size(), config.instanceId());
        for (SessionStarted lost : open.values()) {
            LOG.warnf("stream %s: session %s was left open by an earlier run of this instance; ending it as ingest_lost",
                    lost.streamId(), lost.sessionId());
            sender.ended(new SessionEnded(lost.streamId(), lost.tenant(), lost.sessionId(), EndReason.INGEST_LOST,
                    "the ingest instance " + config.instanceId() + " stopped without ending the session",
                    lost.clientAddress(), lost.startedAt(), Instant.now(), 0, 0, 0, null, null));
        }
    }

    private void track(ConsumerRecord<String, byte[]> record, Map<String, SessionStarted> open) {
        DecodedEvent event;
        try {
            event = EventCodec.decode(KafkaEventRecords.fromConsumerRecord(record));
        } catch (MediaFormatException e) {
            return;
        }
        if (!(event instanceof DecodedEvent.Structured structured)) {
            return;
        }
        switch (structured.event().data()) {
            case SessionStarted started when config.instanceId().equals(started.ingestInstance())
                    && started.startedAt().isBefore(startedAt) -> open.put(key(started.streamId(), started.sessionId()), started);
            case SessionEnded ended -> open.remove(key(ended.streamId(), ended.sessionId()));
            default -> {
                // Stats and other instances' sessions say nothing about ours.
            }
        }
    }

    /**
     * A stream's start and end share a partition and so come in order; partitions are read one after the
     * other, so the key must hold the stream, not the session id alone.
     */
    private static String key(String streamId, String sessionId) {
        return streamId + '/' + sessionId;
    }

    private void seekToLookback(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        long since = startedAt.minus(config.lostSessionLookback()).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, since));
        Map<TopicPartition, OffsetAndTimestamp> offsets = kafka.offsetsForTimes(query);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                kafka.seekToEnd(List.of(partition));
            } else {
                kafka.seek(partition, offset.offset());
            }
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> kafka.position(e.getKey()) >= e.getValue());
    }
}

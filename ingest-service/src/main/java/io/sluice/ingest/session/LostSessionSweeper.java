package io.sluice.ingest.session;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sluice.events.DecodedEvent;
import io.sluice.events.EventFormatException;
import io.sluice.events.Topics;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.ingest.config.IngestConfig;
import io.sluice.ingest.kafka.SessionEventSender;
import io.sluice.ingest.kafka.TopicFollower;
import io.sluice.ingest.metrics.IngestMetrics;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
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
 * of the sessions topic, up to where the topic ended at start-up, finds the sessions it started and never
 * ended, ends them with {@code ingest_lost} (so that status consumers such as auth-service and recording
 * are not left with streams that look live forever), and stops following.
 */
@Singleton
public class LostSessionSweeper extends TopicFollower {

    private static final Logger LOG = Logger.getLogger(LostSessionSweeper.class);

    private final IngestConfig config;
    private final SessionEventSender sender;
    private final Instant startedAt = Instant.now();
    /** Sessions of this instance started and not ended, by stream and session; the following thread's own. */
    private final Map<String, SessionStarted> open = new LinkedHashMap<>();

    LostSessionSweeper(IngestConfig config, SessionEventSender sender, IngestMetrics metrics,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        super(Topics.SESSIONS, "ingest-lost-sessions", bootstrapServers, metrics);
        this.config = config;
        this.sender = sender;
    }

    void sweep(@Observes StartupEvent event) {
        startFollowing();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopFollowing();
    }

    /** Back as far as the lookback; a partition with nothing that recent has nothing to sweep. */
    @Override
    protected void position(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
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

    @Override
    protected void onEvent(DecodedEvent event, ConsumerRecord<String, byte[]> record) {
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

    @Override
    protected void onMalformed(ConsumerRecord<String, byte[]> record, EventFormatException error) {
        // A record this version cannot read is no session of ours.
    }

    @Override
    protected void onCaughtUp() {
        LOG.debugf("looked back %s on %s: %d sessions of %s left open", config.lostSessionLookback(), Topics.SESSIONS,
                open.size(), config.instanceId());
        for (SessionStarted lost : open.values()) {
            LOG.warnf("stream %s: session %s was left open by an earlier run of this instance; ending it as ingest_lost",
                    lost.streamId(), lost.sessionId());
            sender.ended(new SessionEnded(lost.streamId(), lost.tenant(), lost.sessionId(), EndReason.INGEST_LOST,
                    "the ingest instance " + config.instanceId() + " stopped without ending the session",
                    lost.clientAddress(), lost.startedAt(), Instant.now(), 0, 0, 0, null, null));
        }
        open.clear();
        finishFollowing();
    }

    /**
     * A stream's start and end share a partition and so come in order; partitions are read one after the
     * other, so the key must hold the stream, not the session id alone.
     */
    private static String key(String streamId, String sessionId) {
        return streamId + '/' + sessionId;
    }
}

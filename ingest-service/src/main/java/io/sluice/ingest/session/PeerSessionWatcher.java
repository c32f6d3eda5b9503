package io.sluice.ingest.session;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sluice.events.DecodedEvent;
import io.sluice.events.EventCodec;
import io.sluice.events.EventFormatException;
import io.sluice.events.EventType;
import io.sluice.events.Topics;
import io.sluice.events.data.SessionStarted;
import io.sluice.ingest.config.InstanceId;
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

/**
 * One publisher per stream across instances: every instance watches {@code session.started} on the
 * sessions topic, and when another instance starts a newer session of a stream live here, the session
 * here ends with {@code takeover}. Newer means later on the topic, not by any clock: a stream's records
 * share a partition, so two instances that accept at the same moment, with clocks apart, still agree on
 * the winner (see {@link PeerTakeover}).
 */
@Singleton
public class PeerSessionWatcher extends TopicFollower {

    /** How late, at most, a takeover by another instance is heard of, besides the broker's own delay. */
    static final Duration PEER_START_WAIT = Duration.ofMillis(500);

    private final LiveSessions liveSessions;
    private final String instanceId;

    PeerSessionWatcher(LiveSessions liveSessions, InstanceId instanceId, IngestMetrics metrics,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        // Every live stream's stats would wake it several times a second; a peer's start can wait half a second.
        super(Topics.SESSIONS, "ingest-peer-sessions", bootstrapServers, FetchPace.gathered(PEER_START_WAIT), metrics);
        this.liveSessions = liveSessions;
        this.instanceId = instanceId.value();
    }

    void start(@Observes StartupEvent event) {
        startFollowing();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopFollowing();
    }

    /** Sessions that started before this instance did cannot be live here. */
    @Override
    protected void position(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        kafka.seekToEnd(partitions);
    }

    /** Only starts matter here: the stats every live session sends every few seconds are not decoded. */
    @Override
    protected boolean handledUndecoded(ConsumerRecord<String, byte[]> record) {
        return EventCodec.peekType(record).map(type -> type != EventType.SESSION_STARTED).orElse(false);
    }

    @Override
    protected void onEvent(DecodedEvent event, ConsumerRecord<String, byte[]> record) {
        if (event instanceof DecodedEvent.Structured s && s.event().data() instanceof SessionStarted started
                && !instanceId.equals(started.ingestInstance())) {
            liveSessions.byStream(started.streamId())
                    .ifPresent(local -> local.peerSessionStarted(record.partition(), record.offset(), started.ingestInstance()));
        }
    }

    @Override
    protected void onMalformed(ConsumerRecord<String, byte[]> record, EventFormatException error) {
        // The sessions topic is for status; a record this version cannot read concerns no live session here.
    }
}

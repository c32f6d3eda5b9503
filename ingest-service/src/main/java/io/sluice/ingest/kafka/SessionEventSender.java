package io.sluice.ingest.kafka;

import io.sluice.events.EventCodec;
import io.sluice.events.EventRecord;
import io.sluice.events.EventType;
import io.sluice.events.StructuredEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.events.data.SessionStats;
import io.sluice.events.kafka.SessionMediaRecords;
import io.sluice.ingest.config.IngestConfig;
import io.sluice.ingest.config.InstanceId;
import io.sluice.ingest.metrics.IngestMetrics;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongFunction;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Turns what happens to a session into the events of the contract and sends them: session start and end go
 * to both the media log (framing the media between them) and the sessions topic; stats to the sessions
 * topic only; media to the media log.
 */
@Singleton
public class SessionEventSender {

    private static final Logger LOG = Logger.getLogger(SessionEventSender.class);

    private final EventPublisher publisher;
    private final Vertx vertx;
    private final IngestMetrics metrics;
    private final URI source;
    private final Duration lifecycleRetry;
    private final Callback countsFailure;

    SessionEventSender(EventPublisher publisher, Vertx vertx, IngestConfig config, InstanceId instanceId, IngestMetrics metrics) {
        this.publisher = publisher;
        this.vertx = vertx;
        this.metrics = metrics;
        this.source = URI.create("/sluice/ingest/" + instanceId.value());
        this.lifecycleRetry = config.kafka().lifecycleRetry();
        this.countsFailure = (metadata, error) -> {
            if (error != null) {
                sessionsWriteFailed(error);
            }
        };
    }

    /**
     * The media log copy frames the media and goes through the session's flow control ({@code mediaCallback}).
     * The sessions topic copy is for status consumers and for other instances: where it lands orders this
     * session against theirs ({@code sessionsCallback} gets its offset); its failure is counted here.
     */
    public void started(SessionStarted started, Callback mediaCallback, Callback sessionsCallback) {
        EventRecord record = EventCodec.encode(StructuredEvent.of(source, started, Instant.now()));
        publisher.send(Topics.MEDIA, record, mediaCallback);
        publisher.send(Topics.SESSIONS, record, (metadata, error) -> {
            if (error != null) {
                sessionsWriteFailed(error);
            }
            sessionsCallback.onCompletion(metadata, error);
        });
    }

    /**
     * A session's end must reach its consumers even when Kafka is why it ended: each copy is sent again,
     * once a second, until Kafka takes it or {@code lifecycle-retry} has passed.
     */
    public void ended(SessionEnded ended) {
        EventRecord record = EventCodec.encode(StructuredEvent.of(source, ended, Instant.now()));
        long deadline = System.nanoTime() + lifecycleRetry.toNanos();
        sendUntilTaken(Topics.MEDIA, record, deadline);
        sendUntilTaken(Topics.SESSIONS, record, deadline);
    }

    private void sendUntilTaken(String topic, EventRecord record, long deadlineNanos) {
        publisher.send(topic, record, (metadata, error) -> {
            if (error == null) {
                return;
            }
            if (System.nanoTime() < deadlineNanos) {
                vertx.setTimer(1000, id -> sendUntilTaken(topic, record, deadlineNanos));
            } else {
                metrics.produceFailed(topic);
                LOG.errorf("stream %s: lost its session.ended on %s after retrying for %d s: %s", record.key(), topic,
                        lifecycleRetry.toSeconds(), error.getMessage());
            }
        });
    }

    private void sessionsWriteFailed(Exception error) {
        metrics.produceFailed(Topics.SESSIONS);
        LOG.warnf("could not write to %s: %s", Topics.SESSIONS, error.getMessage());
    }

    public void stats(SessionStats stats) {
        publisher.send(Topics.SESSIONS, EventCodec.encode(StructuredEvent.of(source, stats, stats.at())), countsFailure);
    }

    /** The media records of one session, made with this instance as their source. */
    public SessionMediaRecords mediaRecords(String streamId, String sessionId) {
        return new SessionMediaRecords(source, streamId, sessionId);
    }

    /**
     * Sends one media message to the media log and answers what its record costs ({@link RecordCost}), which
     * {@code callbackForCost} is told as well, so that the acknowledgement gives back what was taken.
     */
    public long media(SessionMediaRecords records, EventType type, long sequence, long rtmpTimestamp, byte[] payload,
            LongFunction<Callback> callbackForCost) {
        ProducerRecord<String, byte[]> record = records.record(type, sequence, rtmpTimestamp, Instant.now(), payload);
        long cost = RecordCost.of(records, record);
        publisher.send(record, callbackForCost.apply(cost));
        return cost;
    }
}

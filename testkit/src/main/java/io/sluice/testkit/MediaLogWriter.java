package io.sluice.testkit;

import io.sluice.events.EventCodec;
import io.sluice.events.EventEnvelope;
import io.sluice.events.EventRecord;
import io.sluice.events.EventType;
import io.sluice.events.MediaEvent;
import io.sluice.events.StructuredEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.events.kafka.KafkaEventRecords;
import io.sluice.media.flv.FlvTag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes one session of a stream to the real media log exactly as the ingest does: {@code session.started}, FLV tags
 * as media events numbered from 1, {@code session.ended}. For tests of a consumer on its own; end-to-end tests
 * publish through the ingest with real encoders.
 */
public final class MediaLogWriter implements AutoCloseable {

    private static final URI SOURCE = URI.create("/sluice/ingest/test");

    private final KafkaProducer<String, byte[]> producer;
    private final String streamId;
    private final String tenant;
    private final String sessionId = "ss_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private final Instant startedAt = Instant.now();
    private long sequence;

    public MediaLogWriter(String streamId, String tenant) {
        this.streamId = streamId;
        this.tenant = tenant;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().endpoints().kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 17 << 20);
        producer = new KafkaProducer<>(props);
    }

    public String sessionId() {
        return sessionId;
    }

    public void sessionStarted() {
        send(EventCodec.encode(StructuredEvent.of(SOURCE, new SessionStarted(streamId, tenant, sessionId, "test",
                "127.0.0.1:1", "rtmp", null, "test", startedAt), startedAt)));
    }

    public void sessionEnded() {
        Instant now = Instant.now();
        send(EventCodec.encode(StructuredEvent.of(SOURCE, new SessionEnded(streamId, tenant, sessionId,
                EndReason.CLIENT_CLOSED, "test", "127.0.0.1:1", startedAt, now, 0, 0, 0, null, null), now)));
    }

    /** The tags, their timestamps moved by {@code offset}, then waits until the broker has them. */
    public void media(List<FlvTag> tags, long offset) {
        for (FlvTag tag : tags) {
            media(tag, (tag.timestamp() + offset) & 0xFFFF_FFFFL);
        }
        producer.flush();
    }

    public void media(FlvTag tag, long timestamp) {
        EventType type = switch (tag.type()) {
            case VIDEO -> EventType.MEDIA_VIDEO;
            case AUDIO -> EventType.MEDIA_AUDIO;
            case SCRIPT_DATA -> EventType.MEDIA_METADATA;
        };
        long number = ++sequence;
        EventEnvelope envelope = EventEnvelope.forMediaMessage(SOURCE, type, streamId, sessionId, number, Instant.now());
        producer.send(KafkaEventRecords.toProducerRecord(Topics.MEDIA,
                EventCodec.encode(new MediaEvent(envelope, sessionId, number, timestamp, tag.body().toByteArray()))));
    }

    public void flush() {
        producer.flush();
    }

    private void send(EventRecord record) {
        try {
            producer.send(KafkaEventRecords.toProducerRecord(Topics.MEDIA, record)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to " + Topics.MEDIA, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

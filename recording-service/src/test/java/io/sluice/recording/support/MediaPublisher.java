package io.sluice.recording.support;

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
import io.sluice.media.codec.ImmutableBytes;
import io.sluice.media.flv.FlvTag;
import io.sluice.media.flv.FlvTagType;
import io.sluice.testkit.TestStack;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a stream's media log to the real broker exactly as the ingest does: {@code session.started}, every tag
 * of an FLV file as a media event numbered from 1, {@code session.ended}. For tests of the recording service on
 * its own; the end-to-end tests publish through the ingest with real encoders.
 */
public final class MediaPublisher implements AutoCloseable {

    private static final URI SOURCE = URI.create("/sluice/ingest/test");

    private final KafkaProducer<String, byte[]> producer;
    private final String streamId;
    private final String tenant;

    public MediaPublisher(String streamId, String tenant) {
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

    /** A new session id in the ingest's shape. */
    public static String newSession() {
        return "ss_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public void sessionStarted(String sessionId, Instant at) {
        send(EventCodec.encode(StructuredEvent.of(SOURCE, new SessionStarted(streamId, tenant, sessionId, "test",
                "127.0.0.1:1", "rtmp", null, "test", at), at)));
    }

    public void sessionEnded(String sessionId, Instant startedAt, Instant at) {
        sessionEnded(sessionId, startedAt, at, EndReason.CLIENT_CLOSED);
    }

    public void sessionEnded(String sessionId, Instant startedAt, Instant at, EndReason reason) {
        send(EventCodec.encode(StructuredEvent.of(SOURCE, new SessionEnded(streamId, tenant, sessionId,
                reason, "test", "127.0.0.1:1", startedAt, at, 0, 0, 0, null, null), at)));
    }

    /** Tags {@code from .. to} of a file as media events numbered from {@code firstSequence}, in order. */
    public void media(String sessionId, List<FlvTag> tags, long firstSequence, long timestampOffset) {
        long sequence = firstSequence;
        for (FlvTag tag : tags) {
            media(sessionId, sequence++, tag.type(), (tag.timestamp() + timestampOffset) & 0xFFFF_FFFFL, tag.body());
        }
        producer.flush();
    }

    public void media(String sessionId, long sequence, FlvTagType type, long timestamp, ImmutableBytes body) {
        EventType eventType = switch (type) {
            case VIDEO -> EventType.MEDIA_VIDEO;
            case AUDIO -> EventType.MEDIA_AUDIO;
            case SCRIPT_DATA -> EventType.MEDIA_METADATA;
        };
        EventEnvelope envelope = EventEnvelope.forMediaMessage(SOURCE, eventType, streamId, sessionId, sequence,
                Instant.now());
        send(EventCodec.encode(new MediaEvent(envelope, sessionId, sequence, timestamp, body.toByteArray())));
    }

    /** A record that is no event at all, on the stream's key. */
    public void garbage(byte[] value) {
        send(new EventRecord(streamId, value, List.of()));
    }

    public void flush() {
        producer.flush();
    }

    private void send(EventRecord record) {
        try {
            Future<RecordMetadata> sent = producer.send(KafkaEventRecords.toProducerRecord(Topics.MEDIA, record));
            if (record.value() == null || record.value().length < 1024) {
                sent.get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to " + Topics.MEDIA, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

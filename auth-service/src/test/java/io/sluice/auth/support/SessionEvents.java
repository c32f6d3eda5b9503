package io.sluice.auth.support;

import io.sluice.events.EventCodec;
import io.sluice.events.EventRecord;
import io.sluice.events.StructuredEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.EventData;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.events.data.SessionStats;
import io.sluice.testkit.TestStack;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays an ingest instance: sends session events to {@code sluice.sessions.v1} exactly as the contract encodes them. */
public final class SessionEvents implements AutoCloseable {

    private static final URI SOURCE = URI.create("/sluice/ingest/test-ingest");

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().endpoints().kafkaBootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));

    public static SessionStarted started(String streamId, String sessionId, Instant at) {
        return new SessionStarted(streamId, "acme", sessionId, "ingest-1", "203.0.113.7:50412", "rtmps", "TLSv1.3",
                "FMLE/3.0 (compatible; FMSc/1.0)", at);
    }

    public static SessionStats stats(String streamId, String sessionId, Instant at, long bytesIn) {
        return new SessionStats(streamId, "acme", sessionId, at, 5000, 4500, 30.0, 2000, "avc1", 1920, 1080, "mp4a",
                48000, 2, bytesIn);
    }

    public static SessionEnded ended(String streamId, String sessionId, Instant startedAt, Instant endedAt, long bytesIn) {
        return new SessionEnded(streamId, "acme", sessionId, EndReason.CLIENT_CLOSED, "encoder closed the connection",
                "203.0.113.7:50412", startedAt, endedAt, bytesIn, 900, 1400, "avc1", "mp4a");
    }

    /** Sends one event and waits until Kafka has it. */
    public void send(EventData data) {
        EventRecord record = EventCodec.encode(StructuredEvent.of(SOURCE, data, Instant.now()));
        sendRaw(record.key(), record.value(), record.headers().getFirst().key(), record.headers().getFirst().text());
    }

    /**
     * Sends one event to the given partition rather than its key's, so that events of different streams
     * queue up one behind the other.
     *
     * @return where Kafka put it
     */
    public RecordMetadata sendTo(int partition, EventData data) {
        EventRecord encoded = EventCodec.encode(StructuredEvent.of(SOURCE, data, Instant.now()));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SESSIONS, partition, encoded.key(), encoded.value());
        encoded.headers().forEach(header -> record.headers().add(new RecordHeader(header.key(), header.value())));
        return send(record);
    }

    /** Sends the same encoded event twice: a redelivery, same CloudEvent id and all. */
    public void sendTwice(EventData data) {
        EventRecord record = EventCodec.encode(StructuredEvent.of(SOURCE, data, Instant.now()));
        for (int i = 0; i < 2; i++) {
            sendRaw(record.key(), record.value(), record.headers().getFirst().key(), record.headers().getFirst().text());
        }
    }

    public void sendRaw(String key, byte[] value, String headerKey, String headerValue) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SESSIONS, key, value);
        if (headerKey != null) {
            record.headers().add(new RecordHeader(headerKey, headerValue.getBytes(StandardCharsets.UTF_8)));
        }
        send(record);
    }

    private RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

package io.sluice.testkit;

import io.sluice.events.EventCodec;
import io.sluice.events.EventRecord;
import io.sluice.events.StreamKeyHash;
import io.sluice.events.StructuredEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.events.kafka.KafkaEventRecords;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes registry entries to the real topic, as auth-service does, for the ingest to pick up. */
public final class RegistryWriter implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final URI SOURCE = URI.create("/sluice/test/registry");

    private final KafkaProducer<String, byte[]> producer;

    public RegistryWriter() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().endpoints().kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props);
    }

    /** A new enabled stream with a fresh key and the default reconnect window (60 s). */
    public TestStream create(String tenant) {
        return create(tenant, 60);
    }

    /** A new enabled stream with a fresh key and this reconnect window. */
    public TestStream create(String tenant, long reconnectWindowSeconds) {
        TestStream stream = unwritten(tenant, reconnectWindowSeconds);
        write(stream.entry());
        return stream;
    }

    /** A new enabled stream and its key, not written yet: for a test that writes it at a moment of its choosing. */
    public static TestStream unwritten(String tenant, long reconnectWindowSeconds) {
        String key = newKey();
        StreamKeyEntry entry = new StreamKeyEntry("ls_" + random(9), tenant, StreamKeyHash.of(key), StreamKeyEntry.Status.ENABLED,
                0, 43_200, reconnectWindowSeconds, true, "pb_" + random(9), 1, Instant.now());
        return new TestStream(entry, key);
    }

    public void write(StreamKeyEntry entry) {
        send(EventCodec.encode(StructuredEvent.of(SOURCE, entry, Instant.now())));
    }

    public void delete(String streamId) {
        send(EventCodec.tombstone(streamId));
    }

    public void sendRaw(EventRecord record) {
        send(record);
    }

    private void send(EventRecord record) {
        try {
            producer.send(KafkaEventRecords.toProducerRecord(Topics.STREAM_KEYS, record)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to " + Topics.STREAM_KEYS, e);
        }
    }

    public static String newKey() {
        return "sk_test_" + random(32);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public void close() {
        producer.close();
    }

    /** A stream of the registry and its key, the way a test publishes it. */
    public record TestStream(StreamKeyEntry entry, String key) {

        public String streamId() {
            return entry.streamId();
        }

        /** The same stream, changed, one version later. */
        public StreamKeyEntry next(StreamKeyEntry.Status status, String keyHash) {
            return new StreamKeyEntry(entry.streamId(), entry.tenant(), keyHash, status, entry.maxBitrateKbps(),
                    entry.maxContinuousDurationSeconds(), entry.reconnectWindowSeconds(), entry.recording(), entry.playbackId(),
                    entry.version() + 1, Instant.now());
        }

        public StreamKeyEntry withLimits(long maxBitrateKbps, long maxContinuousDurationSeconds) {
            return new StreamKeyEntry(entry.streamId(), entry.tenant(), entry.keyHash(), entry.status(), maxBitrateKbps,
                    maxContinuousDurationSeconds, entry.reconnectWindowSeconds(), entry.recording(), entry.playbackId(),
                    entry.version() + 1, Instant.now());
        }
    }
}

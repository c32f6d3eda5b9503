package io.sluice.ingest.kafka;

import io.quarkus.runtime.StartupEvent;
import io.sluice.ingest.config.IngestConfig;
import io.sluice.media.event.EventRecord;
import io.sluice.media.event.Topics;
import io.sluice.media.event.kafka.KafkaEventRecords;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one Kafka producer of this instance. Idempotent with {@code acks=all}: a record is written once and in
 * order even when the broker goes away and comes back, as long as it comes back within the configured
 * unavailable grace. Every record of a stream has the stream id as key, so one stream stays in one partition.
 *
 * <p>Records are handed to one sender thread, in order. {@code KafkaProducer.send} blocks while the broker's
 * metadata is missing (a broker that went away); that wait, up to the grace, happens on this thread and
 * never on an event loop. What waits in the hand-over queue is bounded by the in-flight byte budget the
 * sessions take before they send.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);
    /** 16 MiB + 64 KiB, as the topics allow: the largest RTMP message with its headers. */
    static final int MAX_REQUEST_SIZE = 16_842_752;
    private static final Duration WARM_UP_LIMIT = Duration.ofMinutes(2);

    private record Pending(ProducerRecord<String, byte[]> record, Callback callback) {
    }

    private final KafkaProducer<String, byte[]> producer;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread sender;
    private volatile boolean running = true;

    EventPublisher(IngestConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.producer = new KafkaProducer<>(properties(config, bootstrapServers));
        this.sender = Thread.ofPlatform().name("kafka-sender").daemon().start(this::sendLoop);
    }

    /** Queues the record without blocking; the callback runs on a Kafka thread once it is written or has failed. */
    public void send(String topic, EventRecord record, Callback callback) {
        queue.add(new Pending(KafkaEventRecords.toProducerRecord(topic, record), callback));
    }

    private void sendLoop() {
        while (running || !queue.isEmpty()) {
            Pending pending;
            try {
                pending = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (pending == null) {
                continue;
            }
            try {
                producer.send(pending.record(), pending.callback());
            } catch (RuntimeException e) {
                // Metadata did not come within the grace, or the producer is closed: the record failed.
                pending.callback().onCompletion(null, e);
            }
        }
    }

    /**
     * Fetches the topics' metadata before the first encoder arrives, so no send waits for it. A broker that
     * is away at start-up is waited for up to {@link #WARM_UP_LIMIT}; after that the first send fetches the
     * metadata itself, as any send after a broker change does.
     */
    void warmUp(@Observes StartupEvent event) {
        Thread.ofPlatform().name("producer-warm-up").daemon().start(() -> {
            long deadline = System.nanoTime() + WARM_UP_LIMIT.toNanos();
            for (String topic : List.of(Topics.MEDIA, Topics.SESSIONS)) {
                while (!fetchMetadata(topic)) {
                    if (!running || Thread.currentThread().isInterrupted() || System.nanoTime() > deadline) {
                        LOG.warnf("no metadata for Kafka topic %s after %d s; the first send fetches it", topic,
                                WARM_UP_LIMIT.toSeconds());
                        return;
                    }
                }
            }
        });
    }

    /** Blocks up to the producer's max.block.ms (the unavailable grace) for the metadata. */
    private boolean fetchMetadata(String topic) {
        try {
            producer.partitionsFor(topic);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("waiting for Kafka topic %s: %s", topic, e.getMessage());
            try {
                Thread.sleep(1000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    /** Waits until everything sent so far is acknowledged or has failed. */
    public void flush() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            while (!queue.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.flush();
    }

    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        sender.join(Duration.ofSeconds(10));
        producer.close(Duration.ofSeconds(10));
    }

    private static Properties properties(IngestConfig config, String bootstrapServers) {
        long grace = config.kafka().unavailableGrace().toMillis();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-" + config.instanceId());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // Media is already compressed; latency matters more than batching.
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_SIZE);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, config.kafka().maxInFlightBytes() + 2L * MAX_REQUEST_SIZE);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(grace, 10_000));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(grace, 1_000 + Math.min(grace, 10_000)));
        // Only the sender thread ever waits: for metadata of a broker that went away, up to the grace.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, grace);
        return props;
    }
}

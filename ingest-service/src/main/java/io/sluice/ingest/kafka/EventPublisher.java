package io.sluice.ingest.kafka;

import io.quarkus.runtime.StartupEvent;
import io.sluice.events.EventRecord;
import io.sluice.events.Topics;
import io.sluice.events.kafka.KafkaEventRecords;
import io.sluice.ingest.config.IngestConfig;
import io.sluice.ingest.config.InstanceId;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
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
 * <p>Sessions send from their event loops, straight into the producer: a hand-over to a thread of our own
 * cost a wake-up per message, more than the send itself. The producer therefore never blocks
 * ({@code max.block.ms=0}); what it would have waited for (the metadata of a topic, which it drops while
 * the broker is away, or memory beyond what the in-flight budget allows) is waited for by
 * {@link OrderedSender}, in order, off the event loops, up to the grace.
 */
@Singleton
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);
    /** 16 MiB + 64 KiB, as the topics allow: the largest RTMP message with its headers. */
    static final int MAX_REQUEST_SIZE = 16_842_752;
    private static final Duration WARM_UP_AT_START = Duration.ofSeconds(5);
    private static final Duration WARM_UP_LIMIT = Duration.ofMinutes(2);
    private static final Duration WARM_UP_RETRY = Duration.ofMillis(100);
    private static final Duration FLUSH_WAIT = Duration.ofSeconds(10);

    private final KafkaProducer<String, byte[]> producer;
    private final OrderedSender sender;
    private volatile boolean running = true;
    private volatile boolean warmedUp;

    EventPublisher(IngestConfig config, InstanceId instanceId, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.producer = new KafkaProducer<>(properties(config, instanceId.value(), bootstrapServers));
        this.sender = new OrderedSender(producer, config.kafka().unavailableGrace());
    }

    /**
     * Hands the record to the producer without blocking; the callback runs once it is written or has failed,
     * on Kafka's thread (or at once, on the caller's, when the producer refuses it outright).
     */
    public void send(String topic, EventRecord record, Callback callback) {
        send(KafkaEventRecords.toProducerRecord(topic, record), callback);
    }

    /** As {@link #send(String, EventRecord, Callback)}, for a record already made. */
    public void send(ProducerRecord<String, byte[]> record, Callback callback) {
        sender.send(record, callback);
    }

    /** Whether the metadata of every topic sessions write to is known, so that sends are taken. */
    public boolean warmedUp() {
        return warmedUp;
    }

    /**
     * Fetches the topics' metadata before the listeners open (this observer comes first), waiting for it up
     * to {@link #WARM_UP_AT_START}: a broker that answers does within milliseconds. A broker that is away
     * at start-up is waited for in the background up to {@link #WARM_UP_LIMIT}; readiness stays down until
     * the metadata is there.
     */
    void warmUp(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) throws InterruptedException {
        Thread warmUp = Thread.ofPlatform().name("producer-warm-up").daemon().start(() -> {
            long deadline = System.nanoTime() + WARM_UP_LIMIT.toNanos();
            for (String topic : List.of(Topics.MEDIA, Topics.SESSIONS)) {
                while (!hasMetadata(topic)) {
                    if (!running || System.nanoTime() > deadline || !pause()) {
                        LOG.warnf("no metadata for Kafka topic %s after %d s; sessions fail until Kafka answers", topic,
                                WARM_UP_LIMIT.toSeconds());
                        return;
                    }
                }
            }
            warmedUp = true;
        });
        warmUp.join(WARM_UP_AT_START);
    }

    /** With {@code max.block.ms=0} this asks the producer to fetch what it lacks and answers at once. */
    private boolean hasMetadata(String topic) {
        try {
            producer.partitionsFor(topic);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(WARM_UP_RETRY);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until everything sent so far is acknowledged or has failed. */
    public void flush() {
        try {
            sender.awaitNoneWaiting(FLUSH_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.flush();
    }

    @PreDestroy
    void close() {
        running = false;
        producer.close(Duration.ofSeconds(10));
    }

    private static Properties properties(IngestConfig config, String instanceId, String bootstrapServers) {
        long grace = config.kafka().unavailableGrace().toMillis();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-" + instanceId);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // Media is already compressed; latency matters more than batching.
        props.put(ProducerConfig.LINGER_MS_CONFIG, (int) config.kafka().linger().toMillis());
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_SIZE);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, config.kafka().maxInFlightBytes() + 2L * MAX_REQUEST_SIZE);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(grace, 10_000));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(grace, 1_000 + Math.min(grace, 10_000)));
        // Sends come from event loops: the producer never waits (see the class comment); an idle topic's
        // metadata is kept, so the first session after a quiet night does not wait for it either.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 0);
        props.put(ProducerConfig.METADATA_MAX_IDLE_CONFIG, Integer.MAX_VALUE);
        return props;
    }
}

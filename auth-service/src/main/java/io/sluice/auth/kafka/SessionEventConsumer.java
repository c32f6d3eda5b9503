package io.sluice.auth.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sluice.auth.config.AuthConfig;
import io.sluice.auth.domain.SessionLedger;
import io.sluice.auth.storage.StorageErrors;
import io.sluice.events.DecodedEvent;
import io.sluice.events.EventCodec;
import io.sluice.events.Topics;
import io.sluice.events.kafka.KafkaEventRecords;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads {@code sluice.sessions.v1} and hands each session event to the {@link SessionLedger}.
 *
 * <p>Offsets are committed only after the events before them are stored (at least once); the ledger's
 * writes are idempotent, so a redelivery changes nothing. Two kinds of failure are told apart. A record
 * that can never be stored (not a valid event, or data the database refuses) is logged with its partition
 * and offset, counted, and skipped: reading it again cannot help, and retrying it would hold up every
 * stream on its partition. When the database or Kafka is away, the consumer rewinds to the first unstored
 * record and tries again after a growing pause.
 */
@ApplicationScoped
public class SessionEventConsumer {

    private static final Logger LOG = Logger.getLogger(SessionEventConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final AuthConfig config;
    private final Map<String, Object> kafkaConfig;
    private final SessionLedger ledger;
    private final MeterRegistry meters;
    private final Counter failures;

    private volatile boolean running;
    private Thread thread;
    private KafkaConsumer<String, byte[]> consumer;

    SessionEventConsumer(AuthConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            SessionLedger ledger, MeterRegistry meters) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.ledger = ledger;
        this.meters = meters;
        this.failures = Counter.builder("sluice.auth.session.events.failures")
                .description("Rounds that failed while the database or Kafka was away, to be tried again").register(meters);
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    synchronized void start() {
        consumer = new KafkaConsumer<>(consumerConfig());
        running = true;
        thread = Thread.ofPlatform().name("session-events").daemon().start(this::run);
    }

    synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        RetryBackoff backoff = new RetryBackoff(MAX_BACKOFF);
        try (KafkaConsumer<String, byte[]> kafka = consumer) {
            kafka.subscribe(List.of(Topics.SESSIONS));
            while (running) {
                long pause = 0;
                try {
                    if (pollOnce(kafka)) {
                        backoff.succeeded();
                    } else {
                        pause = backoff.failed();
                    }
                } catch (WakeupException e) {
                    // stop() interrupts a poll this way; the loop condition ends it.
                    continue;
                } catch (RuntimeException e) {
                    failures.increment();
                    pause = backoff.failed();
                    LOG.warnf("Session event consumer: %s; going on in %d ms", e.toString(), pause);
                }
                if (pause > 0) {
                    Thread.sleep(pause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return false when storing failed and the batch was rewound */
    private boolean pollOnce(KafkaConsumer<String, byte[]> kafka) {
        ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
        Map<TopicPartition, OffsetAndMetadata> stored = new HashMap<>();
        boolean complete = true;
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                handle(record);
                stored.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            }
        } catch (RuntimeException e) {
            complete = false;
            failures.increment();
            LOG.warnf("Storing session events failed; they will be read again: %s", e.toString());
            rewind(kafka, records, stored);
        }
        if (!stored.isEmpty()) {
            kafka.commitSync(stored);
        }
        return complete;
    }

    /** Positions every partition of the batch on its first record that was not stored. */
    private static void rewind(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records,
            Map<TopicPartition, OffsetAndMetadata> stored) {
        for (TopicPartition partition : records.partitions()) {
            OffsetAndMetadata done = stored.get(partition);
            long next = done != null ? done.offset() : records.records(partition).get(0).offset();
            kafka.seek(partition, next);
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        DecodedEvent decoded;
        try {
            decoded = EventCodec.decode(KafkaEventRecords.fromConsumerRecord(record));
        } catch (RuntimeException e) {
            count("malformed");
            LOG.warnf("Skipping a malformed record at %s-%d offset %d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (!(decoded instanceof DecodedEvent.Structured structured)) {
            count("ignored");
            return;
        }
        try {
            count(ledger.apply(structured.event().data()).name().toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            if (!StorageErrors.isDataError(e)) {
                throw e;
            }
            count("rejected");
            // Partition and offset find the record; its key and texts stay out of the log, they may be anything.
            LOG.warnf("Skipping a %s event at %s-%d offset %d that cannot be stored: %s",
                    structured.event().envelope().type().typeName(), record.topic(), record.partition(), record.offset(),
                    rootMessage(e));
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private void count(String outcome) {
        meters.counter("sluice.auth.session.events", "outcome", outcome).increment();
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> consumerConfig = new HashMap<>(kafkaConfig);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, config.sessions().groupId());
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "auth-service-session-events");
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new deployment rebuilds the history the topic still holds.
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        return consumerConfig;
    }
}

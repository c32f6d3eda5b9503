package io.sluice.recording.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.sluice.events.Topics;
import io.sluice.recording.config.RecordingConfig;
import io.sluice.recording.storage.OutboxRepository;
import io.sluice.recording.storage.OutboxRepository.OutboxRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes the recording events of the outbox to {@code sluice.recordings.v1} exactly once each, in order.
 *
 * <p>One instance at a time is the relay: it holds a PostgreSQL session advisory lock for as long as it lives,
 * so when it dies the lock goes with its connection and another instance takes over. The relay sends each round
 * of outbox rows in one Kafka transaction, each record carrying its row's id in the {@code sluice-outbox-id}
 * header, and deletes the rows once the transaction has committed. A relay that takes over first fences any
 * producer of the one before (one transactional id for the service), then reads the ids on the topic's last
 * committed records and deletes the rows they name: rows published just before a crash, whose delete never
 * happened, are not published twice.
 */
@ApplicationScoped
public class RecordingEventRelay {

    private static final Logger LOG = Logger.getLogger(RecordingEventRelay.class);
    /** The advisory lock key of the relay role ("sluice-e" as a number). */
    private static final long RELAY_LOCK = 0x736c756963652d65L;
    static final String OUTBOX_ID = "sluice-outbox-id";
    private static final String TRANSACTIONAL_ID = "sluice-recording-events";
    private static final int BATCH = 500;
    private static final Duration TAIL_POLL = Duration.ofMillis(500);

    private final RecordingConfig config;
    private final Map<String, Object> kafkaConfig;
    private final DataSource dataSource;
    private final OutboxRepository outbox;
    private final AtomicLong pending = new AtomicLong();
    private final Counter published;
    private final Counter failures;

    private volatile boolean running;
    private volatile boolean leader;
    private Thread thread;

    RecordingEventRelay(RecordingConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            DataSource dataSource, OutboxRepository outbox, MeterRegistry meters) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.published = Counter.builder("sluice.recording.events.published")
                .description("Recording events Kafka has committed").register(meters);
        this.failures = Counter.builder("sluice.recording.events.publish.failures")
                .description("Relay rounds that failed and will be retried").register(meters);
        Gauge.builder("sluice.recording.events.outbox.pending", pending, AtomicLong::get)
                .description("Recording events not yet published, as of the relay's last round").register(meters);
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        thread = Thread.ofPlatform().name("recording-event-relay").daemon().start(this::run);
    }

    /** Ends after the round in progress; unpublished rows stay in the outbox for the next relay. */
    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether this instance is the relay now. */
    public boolean isLeader() {
        return leader;
    }

    private void run() {
        long pause = 100;
        while (running) {
            try (Connection lock = dataSource.getConnection()) {
                if (tryLock(lock)) {
                    leader = true;
                    lead(lock);
                }
                pause = 100;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | SQLException e) {
                failures.increment();
                pause = Math.min(pause * 2, config.events().maxBackoff().toMillis());
                LOG.warnf("Recording event relay: %s; trying again in %d ms", e.toString(), pause);
            } finally {
                leader = false;
            }
            if (!sleep(running ? Math.max(pause, config.events().pollInterval().toMillis()) : 0)) {
                return;
            }
        }
    }

    /** Publishes rounds while this instance holds the relay lock and nothing fails. */
    private void lead(Connection lock) throws InterruptedException {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig())) {
            producer.initTransactions();
            int deleted = outbox.delete(publishedIds());
            if (deleted > 0) {
                LOG.infof("Recording event relay: %d outbox rows were already on Kafka", deleted);
            }
            while (running && stillLocked(lock)) {
                List<OutboxRecord> rows = outbox.oldest(BATCH);
                if (!rows.isEmpty()) {
                    producer.beginTransaction();
                    for (OutboxRecord row : rows) {
                        producer.send(toProducerRecord(row));
                    }
                    producer.commitTransaction();
                    outbox.delete(rows.stream().map(OutboxRecord::id).toList());
                    this.published.increment(rows.size());
                }
                pending.set(outbox.pending());
                if (rows.size() < BATCH && !sleep(config.events().pollInterval().toMillis())) {
                    throw new InterruptedException();
                }
            }
        }
    }

    /**
     * The outbox ids on the topic's last committed records: every round is one transaction of at most
     * {@code BATCH} records, and only the last round's rows can still be in the outbox, so the last
     * {@code BATCH} records of each partition hold them all.
     */
    private List<Long> publishedIds() {
        Map<String, Object> consumerConfig = new HashMap<>(kafkaConfig);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "recording-event-relay-reconcile");
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, byte[]> tail = new KafkaConsumer<>(consumerConfig)) {
            List<TopicPartition> partitions = tail.partitionsFor(Topics.RECORDINGS, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(Topics.RECORDINGS, p.partition())).toList();
            tail.assign(partitions);
            Map<TopicPartition, Long> begin = tail.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = tail.endOffsets(partitions);
            List<Long> ids = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                // Transaction markers take offsets too: twice the batch covers a round and its markers.
                long from = Math.max(begin.get(partition), end.get(partition) - 2L * BATCH);
                if (from >= end.get(partition)) {
                    continue;
                }
                tail.seek(partition, from);
                while (tail.position(partition) < end.get(partition)) {
                    for (ConsumerRecord<String, byte[]> record : tail.poll(TAIL_POLL).records(partition)) {
                        Header id = record.headers().lastHeader(OUTBOX_ID);
                        if (id != null) {
                            ids.add(Long.parseLong(new String(id.value(), StandardCharsets.UTF_8)));
                        }
                    }
                }
            }
            return ids;
        }
    }

    private static ProducerRecord<String, byte[]> toProducerRecord(OutboxRecord row) {
        List<Header> headers = new ArrayList<>(row.headers().size() + 1);
        row.headers().forEach((key, value) -> headers.add(new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8))));
        headers.add(new RecordHeader(OUTBOX_ID, Long.toString(row.id()).getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(Topics.RECORDINGS, null, row.streamId(), row.value(), headers);
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> producerConfig = new HashMap<>(kafkaConfig);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "recording-event-relay");
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        return producerConfig;
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, RELAY_LOCK);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** Whether the lock's connection is still alive, and so the lock still held. */
    private static boolean stillLocked(Connection connection) {
        try {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package io.sluice.auth.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sluice.auth.config.AuthConfig;
import io.sluice.auth.storage.RegistryOutboxEntity;
import io.sluice.events.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to {@code sluice.stream-keys.v1}, oldest row first, and deletes rows only once
 * Kafka has acknowledged them: a change committed just before the service dies is published after the
 * next start, and nothing is published that was not committed.
 *
 * <p>It wakes as soon as a transaction that wrote to the outbox commits (the design wants a rotated or
 * disabled key refused within a second) and otherwise polls, which picks up rows committed by other
 * instances. One round at a time across all instances: a round runs under a PostgreSQL advisory lock, so
 * two instances never interleave their copies of a stream's records. A failed round is retried whole; the
 * idempotent producer keeps a round's records in order, and a repeated record is harmless because its
 * version is not newer than what a consumer already holds.
 */
@ApplicationScoped
public class RegistryRelay {

    private static final Logger LOG = Logger.getLogger(RegistryRelay.class);
    /** The advisory lock key of a relay round ("sluice-r" as a number). */
    private static final long ROUND_LOCK = 0x736c756963652d72L;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final AuthConfig config;
    private final Map<String, Object> kafkaConfig;
    private final EntityManager entityManager;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingMillis = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private final Timer delay;

    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;

    RegistryRelay(AuthConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            EntityManager entityManager, MeterRegistry meters) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.entityManager = entityManager;
        this.published = Counter.builder("sluice.auth.registry.published")
                .description("Registry records acknowledged by Kafka").register(meters);
        this.failures = Counter.builder("sluice.auth.registry.publish.failures")
                .description("Relay rounds that failed and will be retried").register(meters);
        this.delay = Timer.builder("sluice.auth.registry.publish.delay")
                .description("From the commit of a change to Kafka's acknowledgement of its registry record")
                .publishPercentiles(0.5, 0.99).register(meters);
        Gauge.builder("sluice.auth.registry.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet published, as of the relay's last round").register(meters);
        Gauge.builder("sluice.auth.registry.outbox.lag.seconds", this, RegistryRelay::lagSeconds)
                .description("Age of the oldest unpublished outbox row, as of the relay's last round").register(meters);
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) RegistryOutbox.Appended appended) {
        wake.release();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        producer = new KafkaProducer<>(producerConfig());
        running = true;
        thread = Thread.ofPlatform().name("registry-relay").daemon().start(this::run);
    }

    /** Stops after the round in progress; unpublished rows stay in the outbox for the next start. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake.release();
        try {
            thread.join(ACK_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
        producer = null;
        thread = null;
    }

    private void run() {
        RetryBackoff backoff = new RetryBackoff(config.registry().maxBackoff());
        while (running) {
            try {
                int count = QuarkusTransaction.requiringNew().call(this::round);
                backoff.succeeded();
                if (count < config.registry().batchSize()) {
                    wake.tryAcquire(config.registry().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.increment();
                long pause = backoff.failed();
                LOG.warnf("Registry relay round failed, retrying in %d ms: %s", pause, e.toString());
                try {
                    wake.tryAcquire(pause, TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One round: publish the oldest rows, wait for every acknowledgement, then delete them. */
    private int round() throws Exception {
        Boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                .setParameter("key", ROUND_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<RegistryOutboxEntity> rows = entityManager
                .createQuery("from RegistryOutboxEntity order by id", RegistryOutboxEntity.class)
                .setMaxResults(config.registry().batchSize())
                .getResultList();
        if (!rows.isEmpty()) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            for (RegistryOutboxEntity row : rows) {
                acks.add(producer.send(toProducerRecord(row)));
            }
            producer.flush();
            long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            entityManager.createQuery("delete from RegistryOutboxEntity where id in :ids")
                    .setParameter("ids", rows.stream().map(row -> row.id).toList())
                    .executeUpdate();
            Instant now = Instant.now();
            for (RegistryOutboxEntity row : rows) {
                delay.record(Duration.between(row.createdAt, now));
            }
            published.increment(rows.size());
        }
        Object[] backlog = (Object[]) entityManager
                .createNativeQuery("select count(*), min(created_at) from registry_outbox")
                .getSingleResult();
        pending.set(((Number) backlog[0]).longValue());
        oldestPendingMillis.set(backlog[1] == null ? 0 : toInstant(backlog[1]).toEpochMilli());
        return rows.size();
    }

    private static Instant toInstant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }

    private double lagSeconds() {
        long oldest = oldestPendingMillis.get();
        return oldest == 0 ? 0 : Math.max(0, System.currentTimeMillis() - oldest) / 1000.0;
    }

    private static ProducerRecord<String, byte[]> toProducerRecord(RegistryOutboxEntity row) {
        List<Header> headers = new ArrayList<>(row.recordHeaders.size());
        row.recordHeaders.forEach((key, value) -> headers.add(new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8))));
        return new ProducerRecord<>(Topics.STREAM_KEYS, null, row.streamId, row.recordValue, headers);
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> producerConfig = new HashMap<>(kafkaConfig);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "auth-service-registry-relay");
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // Fail a round within seconds while Kafka is away, so the relay retries instead of hanging in send.
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        return producerConfig;
    }
}

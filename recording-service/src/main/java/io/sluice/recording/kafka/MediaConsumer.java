package io.sluice.recording.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.sluice.events.DecodedEvent;
import io.sluice.events.EventCodec;
import io.sluice.events.MediaEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.media.cmaf.TrackKind;
import io.sluice.recording.config.RecordingConfig;
import io.sluice.recording.domain.MediaOutcome;
import io.sluice.recording.domain.MediaRecorder;
import io.sluice.recording.domain.RecorderFencedException;
import io.sluice.recording.domain.StoreBatch;
import io.sluice.recording.domain.StreamInfo;
import io.sluice.recording.domain.StreamRecorder;
import io.sluice.recording.objects.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
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
 * Reads {@code sluice.media.v1} in the consumer group {@code sluice-recording} (N instances share the partitions)
 * and hands each stream's events, in order, to its {@link StreamRecorder}.
 *
 * <p><b>Offsets.</b> A partition's offset is committed only up to the highest record before which everything is
 * durable ({@link PartitionLedger}): stored in the object store, fsynced, and its metadata committed in
 * PostgreSQL. A stream that holds frames back (waiting for their successors) and then stalls has them written
 * out after the idle timeout, so it holds its partition's commits back no longer than that.
 *
 * <p><b>Rounds.</b> The consumer thread polls and segments; a round's durable work (its objects written and fsynced,
 * its metadata committed) runs on a thread of its own ({@link RoundPipeline}), one round at a time and in order.
 * While a round is stored the consumer reads on into the next, which is stored as soon as the one before has
 * committed, or once it reaches {@link #MAX_ROUND_BYTES} (then the consumer waits: backpressure). So a round is
 * larger when storing is slow, and the fixed cost of a round (its fsyncs, its transaction) is spread over more
 * records. Offsets still move only for what is durable: a record counts as durable once its round's after-commit
 * actions have run.
 *
 * <p><b>Failures.</b> A record that is not an event, or media that does not parse, is counted and logged with
 * its partition, offset and stream, and skipped. When storage, the database or Kafka fail, the consumer forgets
 * what it holds, goes back to the last committed offsets, stops reading (its partitions paused, still in the
 * group) and reports not ready; once storage and the database answer again it reads on from there, and the
 * recorders start again from their stored checkpoints: nothing is lost or stored twice.
 */
@ApplicationScoped
public class MediaConsumer {

    private static final Logger LOG = Logger.getLogger(MediaConsumer.class);
    private static final Duration POLL = Duration.ofMillis(100);
    /** A poll while a round is being stored: short, so that the next round is stored soon after it is done. */
    private static final Duration POLL_WHILE_STORING = Duration.ofMillis(10);
    /** Records of one partition waiting on a stream before that stream is made to write what it holds. */
    private static final int MAX_PENDING_RECORDS = 50_000;
    /**
     * A round is stored once its objects reach this size, waiting for the round in flight if need be, before the
     * rest of its records are handled: a round does not grow without bound while storing is slow.
     */
    private static final long MAX_ROUND_BYTES = 16L << 20;
    /** How long a session start waits for the registry follower to read its stream. */
    private static final Duration REGISTRY_WAIT = Duration.ofSeconds(3);

    private final RecordingConfig config;
    private final Map<String, Object> kafkaConfig;
    private final RegistryFollower registry;
    private final MediaRecorder recorder;
    private final ObjectStore store;
    private final DataSource dataSource;
    private final MeterRegistry meters;

    private final Map<String, StreamRecorder> recorders = new HashMap<>();
    private final Map<TopicPartition, PartitionLedger> ledgers = new HashMap<>();
    private final Map<TopicPartition, Set<String>> streamsOf = new HashMap<>();
    private final RoundPipeline rounds;
    /** The round being read: what the next poll's records go into. */
    private StoreBatch batch;
    /** A failure of a round stored in a rebalance callback, thrown once the poll that ran it returns. */
    private RuntimeException storeFailure;
    private final AtomicLong lag = new AtomicLong();
    private final Timer reading;
    private final Timer committing;

    private volatile boolean running;
    private volatile boolean consuming;
    private volatile String failure;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    MediaConsumer(RecordingConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            RegistryFollower registry, MediaRecorder recorder, ObjectStore store, DataSource dataSource,
            MeterRegistry meters) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.registry = registry;
        this.recorder = recorder;
        this.store = store;
        this.dataSource = dataSource;
        this.meters = meters;
        this.batch = recorder.newBatch();
        Gauge.builder("sluice.recording.media.lag", lag, AtomicLong::get)
                .description("Records of sluice.media.v1 not read yet by this instance, as of its last poll")
                .baseUnit("records").register(meters);
        Gauge.builder("sluice.recording.streams.active", recorders, Map::size)
                .description("Streams whose recordings this instance holds").register(meters);
        this.reading = roundPhase("read", "Polling and segmenting a round's records");
        this.rounds = new RoundPipeline(
                roundPhase("store", "Storing a round: its objects made durable and its metadata committed"),
                roundPhase("wait", "The consumer waiting for the round being stored before it can store the next"));
        this.committing = roundPhase("commit", "Committing a round's durable offsets to Kafka");
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        thread = Thread.ofPlatform().name("media-consumer").start(this::run);
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(20).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether media is being recorded: the registry is read and storage and the database work. */
    public boolean consuming() {
        return consuming;
    }

    /** Why media is not being recorded now, or null. */
    public String failure() {
        return failure;
    }

    private void run() {
        try {
            awaitRegistry();
            consumer = new KafkaConsumer<>(consumerConfig());
            consumer.subscribe(List.of(Topics.MEDIA), new Rebalance());
            long pause = 0;
            while (running) {
                try {
                    if (failure != null) {
                        pause = recover(pause);
                        continue;
                    }
                    round();
                    consuming = true;
                } catch (WakeupException e) {
                    // stop() ends a poll this way; the loop condition ends the rest.
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consuming = false;
            if (consumer != null) {
                try {
                    // What the round in flight stores is committed; closing the consumer then revokes the
                    // partitions, which stores and commits the round being read too.
                    if (failure == null) {
                        rounds.await();
                        commitDurable();
                    }
                } catch (RuntimeException e) {
                    LOG.debugf("Last commit on shutdown failed: %s", e);
                }
                consumer.close(Duration.ofSeconds(5));
            }
            rounds.close();
        }
    }

    private void awaitRegistry() throws InterruptedException {
        while (running && !registry.caughtUp()) {
            Thread.sleep(100);
        }
    }

    private Timer roundPhase(String phase, String description) {
        return Timer.builder("sluice.recording.round").tag("phase", phase).description(description)
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /**
     * One poll: every record handled into the round being read, what is held too long written out; the round is
     * handed to storing if the one before is done (else it takes the next poll's records too), and what is durable
     * is committed.
     */
    private void round() {
        long start = System.nanoTime();
        ConsumerRecords<String, byte[]> records = consumer.poll(rounds.busy() ? POLL_WHILE_STORING : POLL);
        throwStoreFailure();
        long waited = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            waited += handle(record);
            if (batch.objectBytes() >= MAX_ROUND_BYTES) {
                waited += store();
            }
        }
        flushWhatWaits();
        long read = System.nanoTime();
        if (!rounds.busy()) {
            store();
        }
        long stored = System.nanoTime();
        commitDurableAsync();
        long committed = System.nanoTime();
        if (!records.isEmpty()) {
            reading.record(read - start - waited, TimeUnit.NANOSECONDS);
            committing.record(committed - stored, TimeUnit.NANOSECONDS);
        }
        long behind = 0;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong partitionLag = consumer.currentLag(partition);
            behind += partitionLag.orElse(0);
        }
        lag.set(behind);
    }

    /**
     * Hands the round being read to storing, after the round in flight; returns the nanoseconds this took.
     *
     * @throws RuntimeException the round in flight failed: the one being read is not stored
     */
    private long store() {
        long start = System.nanoTime();
        StoreBatch round = batch;
        rounds.submit(round);
        batch = recorder.newBatch();
        return System.nanoTime() - start;
    }

    /** Stores the round being read and waits until it is durable: the database then holds all that was read. */
    private long storeAndWait() {
        long start = System.nanoTime();
        store();
        rounds.await();
        return System.nanoTime() - start;
    }

    /** In a rebalance callback: what was read is stored before partitions go, and a failure is kept for later. */
    private boolean drainQuietly() {
        try {
            storeAndWait();
            return true;
        } catch (RuntimeException e) {
            if (storeFailure == null) {
                storeFailure = e;
            }
            return false;
        }
    }

    private void throwStoreFailure() {
        RuntimeException e = storeFailure;
        if (e != null) {
            storeFailure = null;
            throw e;
        }
    }

    /** Handles one record into the round being read; returns the nanoseconds it waited for stored rounds. */
    private long handle(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        PartitionLedger ledger = ledgers.computeIfAbsent(partition, p -> new PartitionLedger());
        DecodedEvent event;
        try {
            event = EventCodec.decode(record);
        } catch (RuntimeException e) {
            count(MediaOutcome.MALFORMED);
            LOG.warnf("Skipping a record at %s-%d offset %d of stream %s that is not an event: %s", record.topic(),
                    record.partition(), record.offset(), record.key(), e.getMessage());
            ledger.done(record.offset());
            return 0;
        }
        long waited = 0;
        switch (event) {
            case DecodedEvent.Media media -> media(partition, ledger, record, media.event());
            case DecodedEvent.Structured structured when structured.event().data() instanceof SessionStarted started -> {
                // A session start decides which recording the stream's media goes to: what came before is
                // stored first, so that the database sees the stream's events in their order.
                waited = storeAndWait();
                StreamRecorder stream = recorderFor(started.streamId(), partition);
                recorder.sessionStarted(stream, streamInfo(started), started.sessionId(), started.startedAt());
                ledger.done(record.offset());
            }
            case DecodedEvent.Structured structured when structured.event().data() instanceof SessionEnded ended -> {
                recorder.sessionEnded(recorderFor(ended.streamId(), partition), ended.sessionId(), ended.endedAt(),
                        ended.reason().wireName(), batch);
                ledger.done(record.offset());
            }
            default -> ledger.done(record.offset());
        }
        return waited;
    }

    /** What the registry says of a session's stream; a stream it does not know is recorded, but plays by no id. */
    private StreamInfo streamInfo(SessionStarted started) {
        try {
            Optional<StreamInfo> known = registry.await(started.streamId(), REGISTRY_WAIT);
            if (known.isPresent()) {
                return known.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.warnf("Stream %s is not in the key registry; its session %s is recorded without a playback id",
                started.streamId(), started.sessionId());
        return new StreamInfo(started.streamId(), started.tenant(), "", true, 0);
    }

    private void media(TopicPartition partition, PartitionLedger ledger, ConsumerRecord<String, byte[]> record,
            MediaEvent media) {
        TrackKind kind = switch (media.envelope().type()) {
            case MEDIA_VIDEO -> TrackKind.VIDEO;
            case MEDIA_AUDIO -> TrackKind.AUDIO;
            default -> null;
        };
        StreamRecorder stream = recorderFor(media.envelope().subject(), partition);
        MediaOutcome outcome = recorder.media(stream, media.sessionId(), media.sequence(), kind, media.rtmpTimestamp(),
                media.payload(), media.envelope().time(), batch);
        count(outcome);
        if (outcome == MediaOutcome.TAKEN) {
            String session = media.sessionId();
            long sequence = media.sequence();
            ledger.taken(record.offset(), stream, () -> stream.isDurable(session, kind, sequence));
        } else {
            if (outcome == MediaOutcome.MALFORMED) {
                LOG.warnf("Media record at %s-%d offset %d of stream %s is malformed and not recorded",
                        record.topic(), record.partition(), record.offset(), media.envelope().subject());
            }
            ledger.done(record.offset());
        }
    }

    /** Streams idle past the timeout, or holding a partition's records back too long, write out what they hold. */
    private void flushWhatWaits() {
        long now = System.nanoTime();
        long idle = config.media().idleTimeout().toNanos();
        for (StreamRecorder stream : recorders.values()) {
            if (stream.isIdle(now, idle)) {
                recorder.flushIdle(stream, batch);
            }
        }
        for (PartitionLedger ledger : ledgers.values()) {
            StreamRecorder holder = ledger.holder();
            if (ledger.size() > MAX_PENDING_RECORDS && holder != null) {
                recorder.flushIdle(holder, batch);
            }
        }
    }

    /**
     * Commits what is durable and waits for the broker: before a rebalance and on shutdown. Every partition's
     * offset is sent, moved or not, in case a round's commit without waiting was lost.
     */
    private void commitDurable() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (Map.Entry<TopicPartition, PartitionLedger> entry : ledgers.entrySet()) {
            entry.getValue().advance();
            entry.getValue().committable().ifPresent(offset -> offsets.put(entry.getKey(), new OffsetAndMetadata(offset)));
        }
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
        }
    }

    /**
     * Commits what is durable without waiting for the broker: the round goes on at once. Only offsets of stored
     * media are ever sent, so a commit that is lost (a crash, a failed request) only makes the next owner read
     * again what is stored, which the recorders skip; the next round's commit covers it.
     */
    private void commitDurableAsync() {
        Map<TopicPartition, OffsetAndMetadata> offsets = durableOffsets();
        if (!offsets.isEmpty()) {
            consumer.commitAsync(offsets, (committed, e) -> {
                if (e != null) {
                    LOG.debugf("Committing offsets failed; the next round's commit covers them: %s", e.toString());
                }
            });
        }
    }

    /** For each partition whose durable offset moved since it was last taken, the offset to commit. */
    private Map<TopicPartition, OffsetAndMetadata> durableOffsets() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (Map.Entry<TopicPartition, PartitionLedger> entry : ledgers.entrySet()) {
            entry.getValue().advance().ifPresent(offset -> offsets.put(entry.getKey(), new OffsetAndMetadata(offset)));
        }
        return offsets;
    }

    private StreamRecorder recorderFor(String streamId, TopicPartition partition) {
        streamsOf.computeIfAbsent(partition, p -> new HashSet<>()).add(streamId);
        return recorders.computeIfAbsent(streamId, recorder::load);
    }

    /**
     * Something failed: forget everything held in memory, go back to the committed offsets and stop reading until
     * storage and the database answer again.
     */
    private void failed(RuntimeException e) {
        failure = e.toString();
        consuming = false;
        if (e instanceof RecorderFencedException fenced) {
            // Not a failure of storage: this instance lost the stream's partition, perhaps in a pause longer
            // than the poll interval, and another one records it now. What this one held is not written.
            meters.counter("sluice.recording.media.fenced").increment();
            LOG.warnf("Stream %s was taken over by another instance; this instance writes nothing of its round,"
                    + " forgets what it holds and reads on from the committed offsets", fenced.streamId());
        } else {
            meters.counter("sluice.recording.media.failures").increment();
            LOG.warnf("Recording stops until storage and the database answer: %s", e.toString());
        }
        rounds.abandon();
        storeFailure = null;
        batch = recorder.newBatch();
        forgetAll();
        try {
            Set<TopicPartition> assignment = consumer.assignment();
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assignment);
            for (TopicPartition partition : assignment) {
                OffsetAndMetadata offset = committed.get(partition);
                if (offset != null) {
                    consumer.seek(partition, offset.offset());
                }
            }
            consumer.pause(assignment);
        } catch (RuntimeException kafka) {
            LOG.warnf("Going back to the committed offsets failed, Kafka is away too: %s", kafka.toString());
        }
    }

    /** While failing: keep the group (poll with everything paused), and read on once everything answers. */
    private long recover(long pause) throws InterruptedException {
        long next = Math.min(Math.max(100, pause * 2), config.media().maxBackoff().toMillis());
        consumer.poll(Duration.ofMillis(next));
        try {
            store.probe();
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                statement.execute("select 1");
            }
            Set<TopicPartition> assignment = consumer.assignment();
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assignment);
            for (TopicPartition partition : assignment) {
                OffsetAndMetadata offset = committed.get(partition);
                if (offset != null) {
                    consumer.seek(partition, offset.offset());
                }
            }
            consumer.resume(assignment);
            LOG.infof("Storage and the database answer again; recording goes on from the committed offsets");
            failure = null;
            return 0;
        } catch (Exception e) {
            failure = e.toString();
            return next;
        }
    }

    private void forgetAll() {
        recorders.clear();
        ledgers.clear();
        streamsOf.clear();
    }

    private void forget(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            ledgers.remove(partition);
            Set<String> streams = streamsOf.remove(partition);
            if (streams != null) {
                streams.forEach(recorders::remove);
            }
        }
    }

    private void count(MediaOutcome outcome) {
        meters.counter("sluice.recording.media.records", "outcome", outcome.metricName()).increment();
    }

    /** What a rebalance does: commit what is durable of the partitions that go, start new ones where they stand. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // The round in flight and the one being read may hold the partitions' streams: both are stored
            // before the partitions go, so that their offsets can be committed and the next owner finds every
            // stream's state as this instance leaves it.
            if (failure == null && drainQuietly()) {
                try {
                    commitDurable();
                } catch (RuntimeException e) {
                    LOG.warnf("Committing before a rebalance failed; the next owner reads a little again: %s", e.toString());
                }
            }
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Nothing is committed, but no round may still write the streams once they are forgotten; one that
            // another instance has claimed meanwhile is fenced and writes nothing.
            drainQuietly();
            forget(partitions);
        }

        /**
         * A partition the group never committed starts at its end (a new deployment does not record the past);
         * that start is committed at once, so that a crash before the first commit cannot skip what came after.
         */
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            Map<TopicPartition, OffsetAndMetadata> starts = new HashMap<>();
            for (TopicPartition partition : partitions) {
                if (committed.get(partition) == null) {
                    starts.put(partition, new OffsetAndMetadata(consumer.position(partition)));
                }
            }
            if (!starts.isEmpty()) {
                consumer.commitSync(starts);
            }
            if (failure != null) {
                consumer.pause(partitions);
            }
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> consumerConfig = new HashMap<>(kafkaConfig);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, config.media().groupId());
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "recording-media");
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.media().maxPollRecords());
        // One record can be RTMP's largest message; a fetch must be able to hold it.
        consumerConfig.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 17 << 20);
        consumerConfig.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
        return consumerConfig;
    }
}

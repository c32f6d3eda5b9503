package io.sluice.ingest.kafka;

import io.micrometer.core.instrument.Counter;
import io.sluice.events.DecodedEvent;
import io.sluice.events.EventCodec;
import io.sluice.events.EventFormatException;
import io.sluice.events.kafka.KafkaEventRecords;
import io.sluice.ingest.metrics.IngestMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Follows every partition of one topic on a thread of its own, without a consumer group: each instance
 * needs all of it. Subclasses say where to start, what to do with each event and how promptly the broker
 * must answer ({@link FetchPace}). A poll returns as soon as records come, and an idle follower wakes once a
 * second, so {@link #onPolled()} runs at least that often.
 *
 * <p>A failure (the broker refusing a request, a bug in an event handler) does not end the following: the
 * consumer is closed, and after a back-off a new one carries on from the first record not yet handled, so
 * that record is handled again and nothing is skipped. Each (re)start takes the topic's end offsets; until
 * the follower has read up to them it is not {@link #healthy()}, which readiness checks can report.
 */
public abstract class TopicFollower {

    private static final Logger LOG = Logger.getLogger(TopicFollower.class);
    /**
     * The longest a poll waits for records. Records end it at once, so this only sets how often an idle follower
     * wakes: once a second.
     */
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** Polls come at least once a second; a follower that has not polled for this long is stuck. */
    private static final Duration STALLED = Duration.ofSeconds(10);

    private final String topic;
    private final String clientId;
    private final String bootstrapServers;
    private final FetchPace pace;
    private final Counter restarts;
    /** The next offset to handle per partition; the following thread's own. */
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
    private volatile boolean running = true;
    /** Cuts a back-off short when the follower is stopped; interrupting would disturb the consumer's close. */
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean caughtUp;
    private volatile long lastPollNanos;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    protected TopicFollower(String topic, String clientId, String bootstrapServers, FetchPace pace, IngestMetrics metrics) {
        this.topic = topic;
        this.clientId = clientId;
        this.bootstrapServers = bootstrapServers;
        this.pace = pace;
        this.restarts = metrics.followerRestarts(clientId);
    }

    /** Seeks where following starts the first time: the beginning of a compacted topic, or the end. */
    protected abstract void position(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions);

    /** Handles one event; {@code record} tells where it is on the topic. */
    protected abstract void onEvent(DecodedEvent event, ConsumerRecord<String, byte[]> record);

    /**
     * Before a record is decoded: true when the subclass has done with it already, from what it can tell
     * without decoding (its key, {@link EventCodec#peekType}); decoding every record of a topic whose records
     * a follower mostly skips is most of what following costs.
     */
    protected boolean handledUndecoded(ConsumerRecord<String, byte[]> record) {
        return false;
    }

    /** A record that is not a valid event of the contract; it is skipped. */
    protected abstract void onMalformed(ConsumerRecord<String, byte[]> record, EventFormatException error);

    /** On the following thread, each time the follower has read up to where the topic ended when it (re)started. */
    protected void onCaughtUp() {
    }

    /** On the following thread after every poll, at most a second apart: for work that goes by time, not by records. */
    protected void onPolled() {
    }

    /**
     * Whether the follower is following and has read up to where the topic ended when it last (re)started:
     * false before the first read to the end, while it starts over after a failure, and when it is stuck.
     */
    public boolean healthy() {
        return caughtUp && System.nanoTime() - lastPollNanos < STALLED.toNanos();
    }

    protected final void startFollowing() {
        thread = Thread.ofPlatform().name(clientId).daemon().start(this::run);
    }

    protected final void stopFollowing() throws InterruptedException {
        running = false;
        stopped.countDown();
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(5));
        }
    }

    /** From an event handler or {@link #onCaughtUp()}: the follower has done its job and closes its consumer. */
    protected final void finishFollowing() {
        running = false;
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            try {
                follow();
            } catch (WakeupException e) {
                // Stopped.
            } catch (RuntimeException e) {
                boolean wasCaughtUp = caughtUp;
                caughtUp = false;
                if (!running) {
                    return;
                }
                backoff = wasCaughtUp ? FIRST_BACKOFF : backoff;
                restarts.increment();
                LOG.errorf(e, "following %s failed; starting over in %d s where it stopped: %s", topic, backoff.toSeconds(),
                        e.getMessage());
                if (backOff(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void follow() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(AssignedConsumers.properties(bootstrapServers, clientId, pace))) {
            consumer = kafka;
            if (!running) {
                return;
            }
            List<TopicPartition> partitions = AssignedConsumers.awaitPartitions(kafka, topic, () -> running);
            kafka.assign(partitions);
            positionOrResume(kafka, partitions);
            Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                    handle(record);
                    nextOffsets.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                }
                lastPollNanos = System.nanoTime();
                if (!caughtUp && reached(kafka, end)) {
                    caughtUp = true;
                    onCaughtUp();
                }
                onPolled();
            }
        } finally {
            consumer = null;
        }
    }

    /**
     * The first time, where the subclass says; after a failure, at the first record not yet handled. The
     * positions are resolved at once and remembered, so a failure before the first record loses nothing
     * either.
     */
    private void positionOrResume(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        List<TopicPartition> fresh = partitions.stream().filter(p -> !nextOffsets.containsKey(p)).toList();
        if (!fresh.isEmpty()) {
            position(kafka, fresh);
        }
        for (TopicPartition partition : partitions) {
            Long next = nextOffsets.get(partition);
            if (next != null) {
                kafka.seek(partition, next);
            } else {
                nextOffsets.put(partition, kafka.position(partition));
            }
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        if (handledUndecoded(record)) {
            return;
        }
        try {
            onEvent(EventCodec.decode(KafkaEventRecords.fromConsumerRecord(record)), record);
        } catch (EventFormatException e) {
            onMalformed(record, e);
        }
    }

    private static boolean reached(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (kafka.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Waits out the back-off; true when the follower was stopped meanwhile. */
    private boolean backOff(Duration duration) {
        try {
            return stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}

package io.sluice.ingest.kafka;

import io.sluice.media.error.MediaFormatException;
import io.sluice.media.event.DecodedEvent;
import io.sluice.media.event.EventCodec;
import io.sluice.media.event.kafka.KafkaEventRecords;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Follows every partition of one topic on a thread of its own, without a consumer group: each instance
 * needs all of it. Subclasses say where to start and what to do with each event; polls are short, so a
 * change reaches them well within a second.
 */
public abstract class TopicFollower {

    private static final Logger LOG = Logger.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final String clientId;
    private final String bootstrapServers;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    protected TopicFollower(String topic, String clientId, String bootstrapServers) {
        this.topic = topic;
        this.clientId = clientId;
        this.bootstrapServers = bootstrapServers;
    }

    /** Seeks where following starts: the beginning of a compacted topic, or the end. */
    protected abstract void position(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions);

    protected abstract void onEvent(DecodedEvent event);

    /** A record that is not a valid event of the contract; it is skipped. */
    protected abstract void onMalformed(ConsumerRecord<String, byte[]> record, MediaFormatException error);

    /** After every poll, on the following thread. */
    protected void afterPoll(KafkaConsumer<String, byte[]> kafka) {
    }

    protected final void startFollowing() {
        thread = Thread.ofPlatform().name(clientId).daemon().start(this::run);
    }

    protected final void stopFollowing() throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(5));
        }
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(AssignedConsumers.properties(bootstrapServers, clientId))) {
            consumer = kafka;
            List<TopicPartition> partitions = AssignedConsumers.awaitPartitions(kafka, topic, () -> running);
            kafka.assign(partitions);
            position(kafka, partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                    try {
                        onEvent(EventCodec.decode(KafkaEventRecords.fromConsumerRecord(record)));
                    } catch (MediaFormatException e) {
                        onMalformed(record, e);
                    }
                }
                afterPoll(kafka);
            }
        } catch (WakeupException e) {
            // Shutting down.
        } catch (RuntimeException e) {
            LOG.errorf(e, "following %s stopped: %s", topic, e.getMessage());
        }
    }
}

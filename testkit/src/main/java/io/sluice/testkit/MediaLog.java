package io.sluice.testkit;

import io.sluice.events.DecodedEvent;
import io.sluice.events.EventCodec;
import io.sluice.events.Topics;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.kafka.KafkaEventRecords;
import io.sluice.events.schema.EventSchemaValidator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One stream's events on a topic of the real broker, from the moment the log is opened: what a consumer
 * of the platform sees. Each structured event is checked against its JSON Schema as it arrives, so every
 * service test that reads events through here also checks that the service writes the contract.
 */
public final class MediaLog implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String streamId;
    private final List<DecodedEvent> events = new ArrayList<>();
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public MediaLog(String streamId) {
        this(Topics.MEDIA, streamId);
    }

    public MediaLog(String topic, String streamId) {
        this(topic, streamId, false);
    }

    /** The stream's events on {@code topic} from the topic's beginning: what happened before the test looked. */
    public static MediaLog fromBeginning(String topic, String streamId) {
        return new MediaLog(topic, streamId, true);
    }

    private MediaLog(String topic, String streamId, boolean fromBeginning) {
        this.streamId = streamId;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().endpoints().kafkaBootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 32 * 1024 * 1024);
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position);
    }

    /** Polls until an event matches, and returns every event of the stream so far. */
    public List<DecodedEvent> awaitEvent(Predicate<DecodedEvent> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (System.nanoTime() < deadline) {
            for (; checked < events.size(); checked++) {
                if (until.test(events.get(checked))) {
                    return List.copyOf(events);
                }
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (streamId.equals(record.key())) {
                    add(record);
                }
            }
        }
        throw new AssertionError("no matching event for stream " + streamId + " within " + timeout + "; saw " + summary());
    }

    /** Every event of the stream that arrives within {@code window}: for checking what did not happen. */
    public List<DecodedEvent> eventsWithin(Duration window) {
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (streamId.equals(record.key())) {
                    add(record);
                }
            }
        }
        return List.copyOf(events);
    }

    /** The stream's records as they came off the topic, one for each of the events so far. */
    public List<ConsumerRecord<String, byte[]>> records() {
        return List.copyOf(records);
    }

    /** Every structured event a service wrote must match its type's JSON Schema, closed to undeclared fields. */
    private void add(ConsumerRecord<String, byte[]> record) {
        EventSchemaValidator.strict().check(record);
        events.add(EventCodec.decode(KafkaEventRecords.fromConsumerRecord(record)));
        records.add(record);
    }

    /** Everything until the session's end. */
    public List<DecodedEvent> awaitSessionEnded(Duration timeout) {
        return awaitEvent(MediaLog::isSessionEnded, timeout);
    }

    public static boolean isSessionEnded(DecodedEvent event) {
        return event instanceof DecodedEvent.Structured s && s.event().data() instanceof SessionEnded;
    }

    public static boolean is(DecodedEvent event, Class<?> dataType) {
        return event instanceof DecodedEvent.Structured s && dataType.isInstance(s.event().data());
    }

    public static <T> T data(DecodedEvent event, Class<T> dataType) {
        return dataType.cast(((DecodedEvent.Structured) event).event().data());
    }

    private String summary() {
        return events.stream().map(e -> switch (e) {
            case DecodedEvent.Structured s -> s.event().envelope().type().name();
            case DecodedEvent.Media m -> m.event().envelope().type().name();
            default -> e.getClass().getSimpleName();
        }).distinct().toList().toString() + " (" + events.size() + " events)";
    }

    @Override
    public void close() {
        consumer.close();
    }
}

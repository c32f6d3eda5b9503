package io.sluice.auth.support;

import io.sluice.events.DecodedEvent;
import io.sluice.events.EventCodec;
import io.sluice.events.Topics;
import io.sluice.events.kafka.KafkaEventRecords;
import io.sluice.events.schema.EventSchemaValidator;
import io.sluice.testkit.TestStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code sluice.stream-keys.v1} from the beginning, as a new ingest instance would. */
public final class RegistryTopic {

    /** One record of the registry: the raw Kafka record and what the contract's codec makes of it. */
    public record Entry(ConsumerRecord<String, byte[]> raw, DecodedEvent event) {
    }

    private RegistryTopic() {
    }

    /** Every record of one stream, in the order they are on its partition. */
    public static List<Entry> recordsOf(String streamId) {
        List<Entry> entries = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : readAll()) {
            if (streamId.equals(record.key())) {
                entries.add(new Entry(record, decode(record)));
            }
        }
        return entries;
    }

    /** Every record on the topic. */
    public static List<ConsumerRecord<String, byte[]>> readAll() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().endpoints().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "registry-test-" + UUID.randomUUID(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.STREAM_KEYS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read the registry topic to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Decodes a record auth-service wrote, failing the test if its data does not match the event's JSON Schema. */
    public static DecodedEvent decode(ConsumerRecord<String, byte[]> record) {
        EventSchemaValidator.strict().check(record);
        return EventCodec.decode(KafkaEventRecords.fromConsumerRecord(record));
    }
}

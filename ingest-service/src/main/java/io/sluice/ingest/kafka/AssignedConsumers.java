package io.sluice.ingest.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/** The ingest's background consumers: they assign themselves every partition of a topic, without a group. */
public final class AssignedConsumers {

    private static final Logger LOG = Logger.getLogger(AssignedConsumers.class);
    static final int FETCH_MAX_BYTES = 128 * 1024;
    static final int MAX_PARTITION_FETCH_BYTES = 32 * 1024;
    static final int MAX_POLL_RECORDS = 100;

    private AssignedConsumers() {
    }

    /**
     * A consumer that reads partitions it assigns itself, without a group or committed offsets, fetching at
     * the given pace (changes that must reach live sessions within a second come back as soon as they
     * land; see {@link FetchPace}). Its fetches are small
     * (Kafka's defaults allow 50 MB a fetch): the registry and session records are a few hundred bytes, and
     * reading a day of session history back at start must not swell the heap (a record larger than a fetch
     * still comes, alone). What a start-up sweep holds at a young collection (the fetch being read, the one
     * in flight, the records of one poll) also fits in the services' small survivor space: with 1 MiB fetches
     * and 500 records a poll it did not, and what was alive at each collection was promoted and stayed, some
     * 11 MB of garbage in the old generation after ten minutes of history (docs/benchmarks.md).
     */
    public static Properties properties(String bootstrapServers, String clientId, FetchPace pace) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) pace.maxWait().toMillis());
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, pace.minBytes());
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_MAX_BYTES);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_PARTITION_FETCH_BYTES);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    /** Every partition of the topic, waiting (while {@code running}) for the broker to name them. */
    public static List<TopicPartition> awaitPartitions(KafkaConsumer<?, ?> kafka, String topic, BooleanSupplier running) {
        while (running.getAsBoolean()) {
            try {
                List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                }
            } catch (TimeoutException e) {
                LOG.warnf("waiting for Kafka topic %s", topic);
            }
        }
        throw new WakeupException();
    }
}

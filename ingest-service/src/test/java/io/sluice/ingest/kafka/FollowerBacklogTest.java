package io.sluice.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sluice.events.DecodedEvent;
import io.sluice.events.EventFormatException;
import io.sluice.ingest.metrics.IngestMetrics;
import io.sluice.testkit.TestStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A follower that gathers records ({@link FetchPace#gathered}) reads a backlog at the broker's speed, not a
 * fetch per wait: against the real broker, a backlog in one partition, as a start-up sweep meets at the end
 * of a day of history once the other partitions are read.
 */
class FollowerBacklogTest {

    private static final Duration PACE = Duration.ofSeconds(3);
    private static final int RECORDS = 1280;
    private static final int RECORD_BYTES = 512;

    private final String bootstrapServers = TestStack.get().endpoints().kafkaBootstrapServers();
    private final String topic = "follower-backlog-" + UUID.randomUUID();
    private BacklogReader reader;

    @AfterEach
    void stop() throws Exception {
        if (reader != null) {
            reader.stopFollowing();
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.deleteTopics(List.of(topic)).all().get();
        }
    }

    @Test
    void aBacklogInOnePartitionIsReadWithoutWaitingOutThePaceForEachFetch() throws Exception {
        writeBacklog();
        int shares = RECORDS * RECORD_BYTES / AssignedConsumers.MAX_PARTITION_FETCH_BYTES;
        Duration bound = PACE.multipliedBy(3);
        assertThat(PACE.multipliedBy(shares))
                .as("paced, the backlog would take a wait per partition's share of a fetch")
                .isGreaterThan(bound.multipliedBy(5));

        reader = new BacklogReader(topic, bootstrapServers);
        reader.startFollowing();

        await().atMost(bound).until(reader::healthy);
        assertThat(reader.records.get()).isEqualTo(RECORDS);
    }

    private void writeBacklog() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, "stream-" + i % 100, new byte[RECORD_BYTES]));
            }
            producer.flush();
        }
    }

    /** Reads the topic from its beginning at the sessions followers' pace and counts what it reads. */
    private static final class BacklogReader extends TopicFollower {

        final AtomicLong records = new AtomicLong();

        BacklogReader(String topic, String bootstrapServers) {
            super(topic, "follower-backlog-test", bootstrapServers, FetchPace.gathered(PACE),
                    new IngestMetrics(new SimpleMeterRegistry()));
        }

        @Override
        protected void position(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
            kafka.seekToBeginning(partitions);
        }

        @Override
        protected boolean handledUndecoded(ConsumerRecord<String, byte[]> record) {
            records.incrementAndGet();
            return true;
        }

        @Override
        protected void onEvent(DecodedEvent event, ConsumerRecord<String, byte[]> record) {
        }

        @Override
        protected void onMalformed(ConsumerRecord<String, byte[]> record, EventFormatException error) {
        }
    }
}

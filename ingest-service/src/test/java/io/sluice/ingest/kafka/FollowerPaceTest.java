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
import java.util.concurrent.CopyOnWriteArrayList;
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
 * How often a follower asks the broker and wakes, against the real broker: a follower that gathers records
 * ({@link FetchPace#gathered}) reads a backlog at the broker's speed, not a fetch per wait; an idle follower
 * wakes once a second, not more; and a prompt one ({@link FetchPace#prompt}) gets a record as soon as it
 * lands, whatever its wait.
 */
class FollowerPaceTest {

    private static final Duration PACE = Duration.ofSeconds(3);
    private static final int RECORDS = 1280;
    private static final int RECORD_BYTES = 512;

    private final String bootstrapServers = TestStack.get().endpoints().kafkaBootstrapServers();
    private final String topic = "follower-backlog-" + UUID.randomUUID();
    private CountingFollower reader;

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

        reader = new CountingFollower(topic, bootstrapServers, FetchPace.gathered(PACE));
        reader.startFollowing();

        await().atMost(bound).until(reader::healthy);
        assertThat(reader.records.get()).isEqualTo(RECORDS);
    }

    /**
     * Its polls come a second apart while nothing comes (each one runs the consumer's rarely used code), and a
     * record still ends the prompt follower's wait at once: well within the 5 s the broker holds its fetch.
     */
    @Test
    void anIdleFollowerWakesOnceASecondAndARecordReachesAPromptOneAtOnce() throws Exception {
        createTopic();
        reader = new CountingFollower(topic, bootstrapServers, FetchPace.prompt());
        reader.startFollowing();
        await().atMost(Duration.ofSeconds(10)).until(reader::healthy);

        int first = reader.polls.size();
        await().atMost(Duration.ofSeconds(10)).until(() -> reader.polls.size() >= first + 4);
        List<Long> polls = List.copyOf(reader.polls).subList(first, first + 4);
        for (int i = 1; i < polls.size(); i++) {
            assertThat(Duration.ofNanos(polls.get(i) - polls.get(i - 1))).as("an idle follower's polls")
                    .isGreaterThan(Duration.ofMillis(900));
        }

        write(1);
        await().atMost(Duration.ofSeconds(2)).until(() -> reader.records.get() == 1);
    }

    private void writeBacklog() throws Exception {
        createTopic();
        write(RECORDS);
    }

    private void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private void write(int records) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "stream-" + i % 100, new byte[RECORD_BYTES]));
            }
            producer.flush();
        }
    }

    /** Reads the topic from its beginning at the given pace, and counts what it reads and when it polls. */
    private static final class CountingFollower extends TopicFollower {

        final AtomicLong records = new AtomicLong();
        final List<Long> polls = new CopyOnWriteArrayList<>();

        CountingFollower(String topic, String bootstrapServers, FetchPace pace) {
            super(topic, "follower-pace-test", bootstrapServers, pace, new IngestMetrics(new SimpleMeterRegistry()));
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
        protected void onPolled() {
            polls.add(System.nanoTime());
        }

        @Override
        protected void onEvent(DecodedEvent event, ConsumerRecord<String, byte[]> record) {
        }

        @Override
        protected void onMalformed(ConsumerRecord<String, byte[]> record, EventFormatException error) {
        }
    }
}

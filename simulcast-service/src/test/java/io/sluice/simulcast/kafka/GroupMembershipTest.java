package io.sluice.simulcast.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.events.Topics;
import io.sluice.stack.provision.TopicDefinition;
import io.sluice.testkit.TestStack;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * How an instance's consumer leaves the media group ({@link MediaConsumer#closing}), against the real broker:
 * an instance that stops hands its partitions over at once, well inside a session timeout long enough to tell;
 * a consumer that starts over keeps them, and takes them back at once.
 */
class GroupMembershipTest {

    /** Long, so that a hand-over before it can only come from the member leaving. */
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(45);
    private static final Duration HAND_OVER = Duration.ofSeconds(15);

    private final String group = "membership-test-" + UUID.randomUUID();
    private final int partitions = TopicDefinition.load(TestStack.root().resolve("infra/config/topics.conf")).stream()
            .filter(topic -> topic.name().equals(Topics.MEDIA)).findFirst().orElseThrow().partitions();

    @Test
    void anInstanceThatStopsHandsItsPartitionsOverAtOnce() throws Exception {
        try (Member first = new Member("first"); Member second = new Member("second")) {
            await().atMost(HAND_OVER).until(() -> !first.owned().isEmpty() && !second.owned().isEmpty());

            first.close(MediaConsumer.closing(false));

            await().atMost(HAND_OVER).until(() -> second.owned().size() == partitions);
        }
    }

    @Test
    void aConsumerThatStartsOverKeepsItsPartitionsAndTakesThemBack() throws Exception {
        try (Member first = new Member("first"); Member second = new Member("second")) {
            await().atMost(HAND_OVER).until(() -> !first.owned().isEmpty() && !second.owned().isEmpty());
            Set<TopicPartition> firsts = first.owned();

            first.close(MediaConsumer.closing(true));
            // Nothing moves while the static member is away, short of the session timeout (far off).
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> second.owned().size() < partitions);

            try (Member again = new Member("first")) {
                await().atMost(HAND_OVER).until(() -> again.owned().equals(firsts));
            }
        }
    }

    /** One consumer of the group with a static member id, polling on a thread of its own as the service's does. */
    private final class Member implements AutoCloseable {

        private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();
        private final AtomicReference<CloseOptions> closeWith = new AtomicReference<>();
        private final CountDownLatch closed = new CountDownLatch(1);
        private final KafkaConsumer<String, byte[]> consumer;

        Member(String instanceId) {
            Map<String, Object> config = new HashMap<>();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().endpoints().kafkaBootstrapServers());
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
            config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) SESSION_TIMEOUT.toMillis());
            config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1000);
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                    "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
            consumer = new KafkaConsumer<>(config);
            Thread.ofPlatform().name("member-" + instanceId).start(this::run);
        }

        Set<TopicPartition> owned() {
            return new HashSet<>(owned);
        }

        private void run() {
            consumer.subscribe(List.of(Topics.MEDIA), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
                    owned.addAll(assigned);
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
                    owned.removeAll(revoked);
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> lost) {
                    owned.removeAll(lost);
                }
            });
            try {
                while (closeWith.get() == null) {
                    consumer.poll(Duration.ofMillis(100));
                }
            } finally {
                owned.clear();
                CloseOptions options = closeWith.get();
                consumer.close(options != null ? options : MediaConsumer.closing(false));
                closed.countDown();
            }
        }

        /** Closes the consumer on its own thread, as the service does, the way {@code options} say. */
        void close(CloseOptions options) throws InterruptedException {
            if (closeWith.compareAndSet(null, options)) {
                assertThat(closed.await(30, TimeUnit.SECONDS)).as("the consumer closed").isTrue();
            }
        }

        @Override
        public void close() throws InterruptedException {
            close(MediaConsumer.closing(false));
        }
    }
}

package io.sluice.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class AssignedConsumersTest {

    @Test
    void aPromptFollowerIsAnsweredOnTheFirstByteAndAsksAnIdleTopicEveryFiveSeconds() {
        Properties props = AssignedConsumers.properties("localhost:9092", "ingest-registry", FetchPace.prompt());

        assertThat(props).containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1)
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5000);
    }

    @Test
    void aGatheredFollowerIsAnsweredOnceManyRecordsWaitOrItsWaitIsOver() {
        Properties props = AssignedConsumers.properties("localhost:9092", "ingest-peer-sessions",
                FetchPace.gathered(Duration.ofMillis(200)));

        assertThat(props).containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 32 * 1024)
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200);
    }

    @Test
    void aGatheredFetchNeverWaitsForMoreThanOnePartitionMayAnswer() {
        Properties props = AssignedConsumers.properties("localhost:9092", "ingest-lost-sessions",
                FetchPace.gathered(Duration.ofMillis(500)));

        assertThat((int) props.get(ConsumerConfig.FETCH_MIN_BYTES_CONFIG))
                .isLessThanOrEqualTo((int) props.get(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG));
    }

    @Test
    void fetchesStaySmallWhateverThePace() {
        Properties props = AssignedConsumers.properties("localhost:9092", "ingest-lost-sessions",
                FetchPace.gathered(Duration.ofMillis(500)));

        assertThat(props).containsEntry(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, AssignedConsumers.FETCH_MAX_BYTES)
                .containsEntry(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, AssignedConsumers.MAX_PARTITION_FETCH_BYTES);
    }
}

package io.sluice.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.stack.component.Ports;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The queue of records waiting for a producer that cannot take them, bounded: a real producer whose broker
 * is not there refuses every record at once, and records past the bound fail at once instead of waiting.
 */
class OrderedSenderTest {

    private static final int BOUND = 10;

    @ParameterizedTest(name = "{0} records against a bound of " + BOUND)
    @ValueSource(ints = {BOUND - 1, BOUND, BOUND + 1})
    void recordsPastTheBoundFailAtOnce(int records) {
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + Ports.free(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        List<Exception> failed = new CopyOnWriteArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings)) {
            OrderedSender sender = new OrderedSender(producer, Duration.ofMinutes(1), BOUND);
            for (int i = 0; i < records; i++) {
                sender.send(new ProducerRecord<>("sluice.media.v1", "ls_1", new byte[] {(byte) i}),
                        (metadata, error) -> failed.add(error));
            }

            assertThat(failed).as("failed at once").hasSize(Math.max(0, records - BOUND))
                    .allSatisfy(error -> assertThat(error).isInstanceOf(TimeoutException.class)
                            .hasMessageContaining(BOUND + " records waiting"));
        }
    }
}

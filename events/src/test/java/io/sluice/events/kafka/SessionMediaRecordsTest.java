package io.sluice.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.events.EventCodec;
import io.sluice.events.EventEnvelope;
import io.sluice.events.EventType;
import io.sluice.events.MediaEvent;
import io.sluice.events.Topics;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class SessionMediaRecordsTest {

    private static final URI SOURCE = URI.create("/sluice/ingest/ingest-0");

    @Test
    void everyRecordIsTheOneTheCodecMakesHeaderForHeaderAndByteForByte() {
        SessionMediaRecords records = new SessionMediaRecords(SOURCE, "ls_0123456789abcdef", "ss_Abc-_9");
        SplittableRandom random = new SplittableRandom(7);
        List<EventType> media = Arrays.stream(EventType.values()).filter(EventType::isMedia).toList();
        for (int i = 0; i < 2_000; i++) {
            EventType type = media.get(random.nextInt(media.size()));
            long sequence = random.nextLong(1, Long.MAX_VALUE);
            long timestamp = random.nextLong(0, 1L << 32);
            // Whole seconds, milliseconds, microseconds and nanoseconds: Instant.toString writes each differently.
            Instant time = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            byte[] payload = new byte[random.nextInt(64)];
            random.nextBytes(payload);

            ProducerRecord<String, byte[]> fast = records.record(type, sequence, timestamp, time, payload);
            ProducerRecord<String, byte[]> reference = KafkaEventRecords.toProducerRecord(Topics.MEDIA, EventCodec.encode(
                    new MediaEvent(EventEnvelope.forMediaMessage(SOURCE, type, "ls_0123456789abcdef", "ss_Abc-_9", sequence, time),
                            "ss_Abc-_9", sequence, timestamp, payload)));

            assertThat(fast.topic()).isEqualTo(reference.topic());
            assertThat(fast.partition()).isNull();
            assertThat(fast.key()).isEqualTo(reference.key());
            assertThat(fast.value()).isEqualTo(reference.value());
            assertThat(keysAndValues(fast)).isEqualTo(keysAndValues(reference));
        }
    }

    @Test
    void onlyMediaTypesMakeMediaRecords() {
        SessionMediaRecords records = new SessionMediaRecords(SOURCE, "ls_1", "ss_1");
        assertThatThrownBy(() -> records.record(EventType.SESSION_STATS, 1, 0, Instant.EPOCH, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> keysAndValues(ProducerRecord<String, byte[]> record) {
        return Arrays.stream(record.headers().toArray()).map(SessionMediaRecordsTest::text).toList();
    }

    private static String text(Header header) {
        return header.key() + '=' + Arrays.toString(header.value());
    }
}

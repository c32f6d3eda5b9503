package io.sluice.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.events.EventCodec;
import io.sluice.events.EventEnvelope;
import io.sluice.events.EventType;
import io.sluice.events.MediaEvent;
import io.sluice.events.Topics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.DefaultRecord;
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
            assertThat(records.sizeInBytes(fast)).isEqualTo(kafkasSize(fast));
        }
    }

    @Test
    void aRecordsSizeIsWhatKafkaLaysOutForItWhateverItsKeyAndPayload() {
        SplittableRandom random = new SplittableRandom(11);
        for (String streamId : List.of("ls_1", "ls_0123456789abcdef0123456789abcdef", "ls_\u00e9t\u00e9-\u6d41", "ls_" + "x".repeat(300))) {
            SessionMediaRecords records = new SessionMediaRecords(SOURCE, streamId, "ss_" + streamId);
            for (int length : new int[] {0, 1, 63, 64, 127, 128, 8_191, 8_192, 16_383, 16_384, 2_097_151, 2_097_152}) {
                ProducerRecord<String, byte[]> record = records.record(EventType.MEDIA_VIDEO, random.nextLong(1, Long.MAX_VALUE),
                        random.nextLong(0, 1L << 32), Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L)), new byte[length]);

                assertThat(records.sizeInBytes(record)).as(streamId + ", payload of " + length).isEqualTo(kafkasSize(record));
            }
        }
    }

    @Test
    void onlyMediaTypesMakeMediaRecords() {
        SessionMediaRecords records = new SessionMediaRecords(SOURCE, "ls_1", "ss_1");
        assertThatThrownBy(() -> records.record(EventType.SESSION_STATS, 1, 0, Instant.EPOCH, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int kafkasSize(ProducerRecord<String, byte[]> record) {
        return DefaultRecord.sizeInBytes(0, 0L, record.key().getBytes(StandardCharsets.UTF_8).length, record.value().length,
                record.headers().toArray());
    }

    private static List<String> keysAndValues(ProducerRecord<String, byte[]> record) {
        return Arrays.stream(record.headers().toArray()).map(SessionMediaRecordsTest::text).toList();
    }

    private static String text(Header header) {
        return header.key() + '=' + Arrays.toString(header.value());
    }
}

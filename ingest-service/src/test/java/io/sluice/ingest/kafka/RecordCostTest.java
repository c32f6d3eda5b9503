package io.sluice.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.EventCodec;
import io.sluice.events.EventEnvelope;
import io.sluice.events.EventType;
import io.sluice.events.MediaEvent;
import io.sluice.events.Topics;
import io.sluice.events.kafka.KafkaEventRecords;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.MemoryRecordsBuilder;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** A media record costs what Kafka writes for it and what the producer keeps of it, whatever its payload. */
class RecordCostTest {

    @Test
    void anEmptyMessageCostsItsKeyAndHeaders() {
        ProducerRecord<String, byte[]> record = media(new byte[0]);

        long headerBytes = 0;
        for (Header header : record.headers()) {
            headerBytes += header.key().length() + header.value().length;
        }
        assertThat(headerBytes).as("the ce_* headers of a media record").isGreaterThan(100);
        assertThat(RecordCost.of(record)).isGreaterThan(headerBytes + record.key().length() + RecordCost.PER_RECORD_OBJECTS);
    }

    @Test
    void theCostIsWhatKafkaWritesForTheRecordPlusTheProducersObjects() {
        for (int payload : new int[] {0, 1, 1_000, 200_000}) {
            ProducerRecord<String, byte[]> record = media(new byte[payload]);

            long written = writtenInABatch(record);

            // The record's offset and timestamp deltas in a real batch take a few varint bytes more than in the first place.
            assertThat(RecordCost.of(record) - RecordCost.PER_RECORD_OBJECTS).as("payload of " + payload)
                    .isBetween(written - 8, written);
        }
    }

    @Test
    void thePayloadIsCountedWhole() {
        assertThat(RecordCost.of(media(new byte[100_000])) - RecordCost.of(media(new byte[0]))).isBetween(100_000L, 100_004L);
    }

    private static ProducerRecord<String, byte[]> media(byte[] payload) {
        String streamId = "str_0123456789abcdefghijkl";
        String sessionId = "ses_0123456789abcdefghijkl";
        EventEnvelope envelope = EventEnvelope.forMediaMessage(URI.create("/sluice/ingest/ingest-1-a1b2c3"), EventType.MEDIA_AUDIO,
                streamId, sessionId, 123_456, Instant.parse("2026-12-05T21:00:00.123Z"));
        return KafkaEventRecords.toProducerRecord(Topics.MEDIA,
                EventCodec.encode(new MediaEvent(envelope, sessionId, 123_456, 987_654, payload)));
    }

    /** The bytes the record adds to a batch the way the producer's accumulator writes it. */
    private static long writtenInABatch(ProducerRecord<String, byte[]> record) {
        MemoryRecordsBuilder builder = new MemoryRecordsBuilder(ByteBuffer.allocate(512 * 1024), RecordBatch.CURRENT_MAGIC_VALUE,
                Compression.NONE, TimestampType.CREATE_TIME, 0L, System.currentTimeMillis(), RecordBatch.NO_PRODUCER_ID,
                RecordBatch.NO_PRODUCER_EPOCH, RecordBatch.NO_SEQUENCE, false, false, RecordBatch.NO_PARTITION_LEADER_EPOCH,
                512 * 1024);
        int before = builder.estimatedSizeInBytes();
        builder.append(System.currentTimeMillis(), record.key().getBytes(StandardCharsets.UTF_8), record.value(),
                record.headers().toArray());
        return builder.estimatedSizeInBytes() - before;
    }
}

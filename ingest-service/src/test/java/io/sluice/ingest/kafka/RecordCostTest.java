package io.sluice.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.EventType;
import io.sluice.events.kafka.SessionMediaRecords;
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

    private static final SessionMediaRecords RECORDS = new SessionMediaRecords(URI.create("/sluice/ingest/ingest-1-a1b2c3"),
            "str_0123456789abcdefghijkl", "ses_0123456789abcdefghijkl");

    @Test
    void anEmptyMessageCostsItsKeyAndHeaders() {
        ProducerRecord<String, byte[]> record = media(new byte[0]);

        long headerBytes = 0;
        for (Header header : record.headers()) {
            headerBytes += header.key().length() + header.value().length;
        }
        assertThat(headerBytes).as("the ce_* headers of a media record").isGreaterThan(100);
        assertThat(RecordCost.of(RECORDS, record)).isGreaterThan(headerBytes + record.key().length() + RecordCost.PER_RECORD_OBJECTS);
    }

    @Test
    void theCostIsWhatKafkaWritesForTheRecordPlusTheProducersObjects() {
        for (int payload : new int[] {0, 1, 1_000, 200_000}) {
            ProducerRecord<String, byte[]> record = media(new byte[payload]);

            long written = writtenInABatch(record);

            // The record's offset and timestamp deltas in a real batch take a few varint bytes more than in the first place.
            assertThat(RecordCost.of(RECORDS, record) - RecordCost.PER_RECORD_OBJECTS).as("payload of " + payload)
                    .isBetween(written - 8, written);
        }
    }

    @Test
    void thePayloadIsCountedWhole() {
        assertThat(cost(new byte[100_000]) - cost(new byte[0])).isBetween(100_000L, 100_004L);
    }

    private static ProducerRecord<String, byte[]> media(byte[] payload) {
        return RECORDS.record(EventType.MEDIA_AUDIO, 123_456, 987_654, Instant.parse("2026-12-05T21:00:00.123Z"), payload);
    }

    private static long cost(byte[] payload) {
        return RecordCost.of(RECORDS, media(payload));
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

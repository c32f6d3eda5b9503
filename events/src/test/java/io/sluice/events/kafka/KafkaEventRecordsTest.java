package io.sluice.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.EventCodec;
import io.sluice.events.EventEnvelope;
import io.sluice.events.EventRecord;
import io.sluice.events.EventType;
import io.sluice.events.MediaEvent;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class KafkaEventRecordsTest {

    @Test
    void aMediaEventSurvivesTheTripThroughKafkasTypes() {
        MediaEvent event = new MediaEvent(new EventEnvelope("e-1", URI.create("/sluice/ingest/i"), EventType.MEDIA_AUDIO, "ls_1",
                Instant.parse("2026-11-24T12:00:00Z")), "ss_1", 7, 1000, new byte[] {(byte) 0xAF, 1, 2});
        EventRecord record = EventCodec.encode(event);

        ProducerRecord<String, byte[]> produced = KafkaEventRecords.toProducerRecord("sluice.media.v1", record);
        ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>("sluice.media.v1", 0, 42, 0L, TimestampType.CREATE_TIME,
                -1, -1, produced.key(), produced.value(), produced.headers(), Optional.empty());
        EventRecord back = KafkaEventRecords.fromConsumerRecord(consumed);

        assertThat(produced.topic()).isEqualTo("sluice.media.v1");
        assertThat(produced.partition()).as("partitioned by key").isNull();
        assertThat(back.key()).isEqualTo("ls_1");
        assertThat(back.value()).isEqualTo(record.value());
        assertThat(back.headers()).usingRecursiveFieldByFieldElementComparator().isEqualTo(record.headers());
        assertThat(EventCodec.decode(back)).isInstanceOfSatisfying(io.sluice.events.DecodedEvent.Media.class, media -> {
            assertThat(media.event().envelope()).isEqualTo(event.envelope());
            assertThat(media.event().sequence()).isEqualTo(7);
        });
    }

    @Test
    void aTombstoneStaysATombstone() {
        ProducerRecord<String, byte[]> produced = KafkaEventRecords.toProducerRecord("sluice.stream-keys.v1",
                EventCodec.tombstone("ls_9"));
        assertThat(produced.value()).isNull();
        assertThat(produced.key()).isEqualTo("ls_9");
    }
}

package io.sluice.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.EventData;
import io.sluice.events.data.RecordingReady;
import io.sluice.events.data.RecordingTrack;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SimulcastTargetStatus;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.events.json.EventDataJson;
import io.sluice.events.kafka.KafkaEventRecords;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our records and the CloudEvents SDK's Kafka binding agree both ways: what the codec writes (media headers
 * written by hand included), the SDK's Kafka deserializer reads with the same attributes and data; what the
 * SDK's Kafka writer produces, the codec reads as the same event.
 */
class CloudEventsSdkTest {

    private static final URI SOURCE = URI.create("/sluice/ingest/ingest-1");
    private static final Instant TIME = Instant.parse("2026-11-24T15:30:00.123456789Z");
    private static final String TOPIC = "sluice.test.v1";

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = "MEDIA_.*", mode = EnumSource.Mode.MATCH_ANY)
    void theSdkReadsEveryMediaRecordAsWritten(EventType type) {
        byte[] payload = {0x17, 0x01, 0, 0, 0, 0x65, (byte) 0x88};
        MediaEvent event = new MediaEvent(EventEnvelope.forMediaMessage(SOURCE, type, "ls_1", "ss_1", 42, TIME), "ss_1", 42,
                4_294_967_295L, payload);

        CloudEvent read = readWithTheSdk(EventCodec.encode(event));

        assertThat(read.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(read.getId()).isEqualTo("ss_1-42");
        assertThat(read.getSource()).isEqualTo(SOURCE);
        assertThat(read.getType()).isEqualTo(type.typeName());
        assertThat(read.getSubject()).isEqualTo("ls_1");
        assertThat(read.getTime()).isEqualTo(OffsetDateTime.ofInstant(TIME, ZoneOffset.UTC));
        assertThat(read.getDataContentType()).isEqualTo(EventCodec.MEDIA_CONTENT_TYPE);
        assertThat(read.getExtensionNames()).containsExactlyInAnyOrder(EventCodec.SESSION_ID, EventCodec.SEQUENCE,
                EventCodec.RTMP_TIMESTAMP);
        assertThat(read.getExtension(EventCodec.SESSION_ID)).isEqualTo("ss_1");
        assertThat(read.getExtension(EventCodec.SEQUENCE)).isEqualTo("42");
        assertThat(read.getExtension(EventCodec.RTMP_TIMESTAMP)).isEqualTo("4294967295");
        assertThat(read.getData().toBytes()).containsExactly(payload);
    }

    static Stream<EventData> controlEvents() {
        Instant t = Instant.parse("2026-11-24T15:00:00Z");
        return Stream.of(
                new SessionEnded("ls_1", "acme", "ss_1", EndReason.CLIENT_CLOSED, null, "203.0.113.7:50000", t, TIME, 1, 2, 3,
                        "avc1", null),
                new StreamKeyEntry("ls_1", "acme", StreamKeyHash.of("k"), StreamKeyEntry.Status.DISABLED, 0, 60, 30, false, "pb_1",
                        2, t),
                new RecordingReady("rec_1", "ls_1", "acme", 2000, 5000, List.of(RecordingTrack.audio("Opus")), 1, "https://p/v",
                        "https://p/m", List.of("ss_1"), t, TIME),
                new SimulcastTargetStatus("ls_1", "acme", "st_1", SimulcastTargetStatus.Status.ERRORED, null, "example.com", TIME,
                        "the target refused the stream key"));
    }

    @ParameterizedTest
    @MethodSource("controlEvents")
    void theSdkReadsEveryStructuredRecordAsWritten(EventData data) {
        StructuredEvent event = StructuredEvent.of(SOURCE, data, TIME);

        CloudEvent read = readWithTheSdk(EventCodec.encode(event));

        assertThat(read.getId()).isEqualTo(event.envelope().id());
        assertThat(read.getType()).isEqualTo(data.type().typeName());
        assertThat(read.getSubject()).isEqualTo("ls_1");
        assertThat(read.getTime()).isEqualTo(OffsetDateTime.ofInstant(TIME, ZoneOffset.UTC));
        assertThat(read.getDataContentType()).isEqualTo("application/json");
        assertThat(((JsonCloudEventData) read.getData()).getNode()).hasToString(EventDataJson.write(data).toString());
    }

    @ParameterizedTest
    @MethodSource("controlEvents")
    void whatTheSdkWritesStructuredReadsAsTheSameEvent(EventData data) {
        CloudEvent sdkEvent = CloudEventBuilder.v1()
                .withId("e-7").withSource(SOURCE).withType(data.type().typeName()).withSubject(data.streamId())
                .withTime(OffsetDateTime.ofInstant(TIME, ZoneOffset.UTC))
                .withData("application/json", JsonCloudEventData.wrap(EventDataJson.write(data)))
                .build();
        ProducerRecord<String, byte[]> written = KafkaMessageFactory.<String>createWriter(TOPIC, data.streamId())
                .writeStructured(sdkEvent, JsonFormat.CONTENT_TYPE);

        assertThat(EventCodec.decode(consumed(written))).isEqualTo(new DecodedEvent.Structured(
                new StructuredEvent(new EventEnvelope("e-7", SOURCE, data.type(), data.streamId(), TIME), data)));
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = "MEDIA_.*", mode = EnumSource.Mode.MATCH_ANY)
    void whatTheSdkWritesInBinaryModeReadsAsTheSameMediaEvent(EventType type) {
        byte[] payload = {(byte) 0xAF, 0x01, 0x21, 0x10};
        CloudEvent sdkEvent = CloudEventBuilder.v1()
                .withId("ss_1-7").withSource(SOURCE).withType(type.typeName()).withSubject("ls_1")
                .withTime(OffsetDateTime.ofInstant(TIME, ZoneOffset.UTC))
                .withExtension(EventCodec.SESSION_ID, "ss_1")
                .withExtension(EventCodec.SEQUENCE, "7")
                .withExtension(EventCodec.RTMP_TIMESTAMP, "1000")
                .withData(EventCodec.MEDIA_CONTENT_TYPE, payload)
                .build();
        ProducerRecord<String, byte[]> written = KafkaMessageFactory.<String>createWriter(TOPIC, "ls_1").writeBinary(sdkEvent);

        DecodedEvent decoded = EventCodec.decode(consumed(written));

        assertThat(decoded).isInstanceOfSatisfying(DecodedEvent.Media.class, media -> {
            assertThat(media.event().envelope()).isEqualTo(new EventEnvelope("ss_1-7", SOURCE, type, "ls_1", TIME));
            assertThat(media.event().sessionId()).isEqualTo("ss_1");
            assertThat(media.event().sequence()).isEqualTo(7);
            assertThat(media.event().rtmpTimestamp()).isEqualTo(1000);
            assertThat(media.event().payload()).containsExactly(payload);
        });
    }

    private static CloudEvent readWithTheSdk(EventRecord record) {
        ProducerRecord<String, byte[]> produced = KafkaEventRecords.toProducerRecord(TOPIC, record);
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            return deserializer.deserialize(TOPIC, produced.headers(), produced.value());
        }
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> produced) {
        return new ConsumerRecord<>(produced.topic(), 0, 0, 0L, TimestampType.CREATE_TIME, -1, -1, produced.key(),
                produced.value(), produced.headers(), Optional.empty());
    }
}

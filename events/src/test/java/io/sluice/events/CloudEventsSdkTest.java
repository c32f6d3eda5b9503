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
import io.sluice.events.data.SessionStats;
import io.sluice.events.data.SimulcastTargetStatus;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.events.json.EventDataJson;
import io.sluice.events.kafka.KafkaEventRecords;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our records and the CloudEvents SDK's Kafka binding agree both ways: what the codec writes (media headers
 * written by hand included), the SDK's Kafka deserializer reads with the same attributes and data; what the
 * SDK's Kafka writer produces, the codec reads as the same event. The codec writes structured records
 * byte for byte as the SDK's JSON format does.
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

    @Test
    void everyStructuredRecordIsWhatTheSdkWritesByteForByte() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 2_000; i++) {
            String stream = "ls_" + text(random);
            EventData data = random.nextBoolean()
                    ? new SessionStats(stream, random.nextBoolean() ? null : text(random), "ss_" + text(random), time(random),
                            random.nextLong(0, 60_000), random.nextLong(0, 100_000), random.nextDouble(0, 240),
                            random.nextLong(0, 20_000), random.nextBoolean() ? null : text(random), random.nextInt(0, 8_192),
                            random.nextInt(0, 8_192), random.nextBoolean() ? null : text(random), random.nextInt(0, 96_000),
                            random.nextInt(0, 8), random.nextLong(0, Long.MAX_VALUE))
                    : new SessionEnded(stream, "acme", "ss_1", EndReason.values()[random.nextInt(EndReason.values().length)],
                            random.nextBoolean() ? null : text(random), "203.0.113.7:50000", time(random), time(random),
                            random.nextLong(0, Long.MAX_VALUE), 2, 3, "avc1", null);
            StructuredEvent event = new StructuredEvent(new EventEnvelope(text(random), URI.create("/sluice/ingest/" + i),
                    data.type(), stream, time(random)), data);

            assertThat(new String(EventCodec.encode(event).value(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(writtenByTheSdk(event), StandardCharsets.UTF_8));
        }
        for (EventData data : controlEvents().toList()) {
            StructuredEvent event = StructuredEvent.of(SOURCE, data, TIME);
            assertThat(EventCodec.encode(event).value()).as(data.type().typeName()).isEqualTo(writtenByTheSdk(event));
        }
    }

    /** What the SDK's JSON format makes of {@code event}. */
    private static byte[] writtenByTheSdk(StructuredEvent event) throws Exception {
        EventEnvelope envelope = event.envelope();
        CloudEvent sdkEvent = CloudEventBuilder.v1()
                .withId(envelope.id()).withSource(envelope.source()).withType(envelope.type().typeName())
                .withSubject(envelope.subject()).withTime(OffsetDateTime.ofInstant(envelope.time(), ZoneOffset.UTC))
                .withDataContentType("application/json").withData(JsonCloudEventData.wrap(EventDataJson.write(event.data())))
                .build();
        return StructuredJson.MAPPER.writeValueAsBytes(sdkEvent);
    }

    /** Letters, quotes, backslashes, control characters and text beyond ASCII, which JSON escapes or encodes. */
    private static String text(SplittableRandom random) {
        List<String> alphabet = List.of("a", "X", "0", "_", "-", ".", " ", "\"", "\\", "/", "\u0000", "\u0001", "\u001f",
                "\u007f", "\u00e9", "\u2028", "\u6d41", "\ud83c\udfa5");
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(1, 24); i > 0; i--) {
            text.append(alphabet.get(random.nextInt(alphabet.size())));
        }
        return text.toString();
    }

    /** Whole seconds, milliseconds, microseconds and nanoseconds: each is written differently. */
    private static Instant time(SplittableRandom random) {
        int nanos = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L), nanos);
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

package io.sluice.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.events.data.EndReason;
import io.sluice.events.data.EventData;
import io.sluice.events.data.RecordingDeleted;
import io.sluice.events.data.RecordingFailed;
import io.sluice.events.data.RecordingReady;
import io.sluice.events.data.RecordingStarted;
import io.sluice.events.data.RecordingTrack;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.events.data.SessionStats;
import io.sluice.events.data.SimulcastTargetStatus;
import io.sluice.events.data.StreamKeyEntry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

    private static final URI SOURCE = URI.create("/sluice/ingest/ingest-1");
    private static final Instant T0 = Instant.parse("2026-11-24T15:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-24T15:30:00.250Z");
    private static final String LIVE_URL = "https://play.example.com/v1/playback/pb_1/index.m3u8";
    private static final String VOD_URL = "https://play.example.com/v1/playback/pb_1/rec_1/index.m3u8";
    private static final String MP4_URL = "https://api.example.com/v1/recordings/rec_1/download";

    /** One table drives both directions: the record encodes to exactly this JSON, and that JSON decodes to it. */
    static Stream<Arguments> goldenStructuredEvents() {
        return Stream.of(
                Arguments.of(new SessionStarted("ls_1", "acme", "ss_1", "ingest-1", "203.0.113.7:50000", "rtmps", "TLSv1.3",
                        "FMLE/3.0 (compatible; FMSc/1.0)", T0),
                        "{\"stream_id\":\"ls_1\",\"tenant\":\"acme\",\"session_id\":\"ss_1\",\"ingest_instance\":\"ingest-1\","
                                + "\"client_address\":\"203.0.113.7:50000\",\"protocol\":\"rtmps\",\"tls_version\":\"TLSv1.3\","
                                + "\"encoder\":\"FMLE/3.0 (compatible; FMSc/1.0)\",\"started_at\":\"2026-11-24T15:00:00Z\"}"),
                Arguments.of(new SessionEnded("ls_1", "acme", "ss_1", EndReason.KEY_DISABLED, "the stream was disabled",
                        "203.0.113.7:50000", T0, T1, 1234567, 900, 1400, "avc1", "mp4a"),
                        "{\"stream_id\":\"ls_1\",\"tenant\":\"acme\",\"session_id\":\"ss_1\",\"reason\":\"key_disabled\","
                                + "\"detail\":\"the stream was disabled\",\"client_address\":\"203.0.113.7:50000\","
                                + "\"started_at\":\"2026-11-24T15:00:00Z\",\"ended_at\":\"2026-11-24T15:30:00.250Z\","
                                + "\"bytes_in\":1234567,\"video_frames\":900,\"audio_frames\":1400,\"video_codec\":\"avc1\","
                                + "\"audio_codec\":\"mp4a\"}"),
                Arguments.of(new SessionStats("ls_1", "acme", "ss_1", T1, 5000, 3012, 29.97, 2000, "avc1", 1280, 720, "mp4a",
                        48000, 2, 99999),
                        "{\"stream_id\":\"ls_1\",\"tenant\":\"acme\",\"session_id\":\"ss_1\",\"at\":\"2026-11-24T15:30:00.250Z\","
                                + "\"window_ms\":5000,\"bitrate_kbps\":3012,\"video_frame_rate\":29.97,\"keyframe_interval_ms\":2000,"
                                + "\"video_codec\":\"avc1\",\"width\":1280,\"height\":720,\"audio_codec\":\"mp4a\","
                                + "\"audio_sample_rate\":48000,\"audio_channels\":2,\"bytes_in\":99999}"),
                Arguments.of(new StreamKeyEntry("ls_1", "acme", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        StreamKeyEntry.Status.ENABLED, 0, 43200, 60, true, "pb_1", 7, T0),
                        "{\"stream_id\":\"ls_1\",\"tenant\":\"acme\","
                                + "\"key_hash\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
                                + "\"status\":\"enabled\",\"limits\":{\"max_bitrate_kbps\":0,\"max_continuous_duration_seconds\":43200,"
                                + "\"reconnect_window_seconds\":60},\"recording\":true,\"playback_id\":\"pb_1\",\"version\":7,"
                                + "\"updated_at\":\"2026-11-24T15:00:00Z\"}"),
                Arguments.of(new RecordingStarted("rec_1", "ls_1", "acme", "ss_1", LIVE_URL, T0),
                        "{\"recording_id\":\"rec_1\",\"stream_id\":\"ls_1\",\"tenant\":\"acme\",\"session_id\":\"ss_1\","
                                + "\"playback_url\":\"" + LIVE_URL + "\",\"started_at\":\"2026-11-24T15:00:00Z\"}"),
                Arguments.of(new RecordingReady("rec_1", "ls_1", "acme", 1_800_250, 734_003_200,
                        List.of(RecordingTrack.video("avc1.64001f", 1280, 720), RecordingTrack.audio("mp4a.40.2")), 901,
                        VOD_URL, MP4_URL, List.of("ss_1", "ss_2"), T0, T1),
                        "{\"recording_id\":\"rec_1\",\"stream_id\":\"ls_1\",\"tenant\":\"acme\",\"duration_ms\":1800250,"
                                + "\"size_bytes\":734003200,\"tracks\":[{\"kind\":\"video\",\"codec\":\"avc1.64001f\",\"width\":1280,"
                                + "\"height\":720},{\"kind\":\"audio\",\"codec\":\"mp4a.40.2\"}],\"segment_count\":901,"
                                + "\"playback_url\":\"" + VOD_URL + "\",\"mp4_url\":\"" + MP4_URL + "\","
                                + "\"session_ids\":[\"ss_1\",\"ss_2\"],\"started_at\":\"2026-11-24T15:00:00Z\","
                                + "\"ended_at\":\"2026-11-24T15:30:00.250Z\"}"),
                Arguments.of(new RecordingFailed("rec_1", "ls_1", "acme", "the storage refused writes for 10 minutes"),
                        "{\"recording_id\":\"rec_1\",\"stream_id\":\"ls_1\",\"tenant\":\"acme\","
                                + "\"reason\":\"the storage refused writes for 10 minutes\"}"),
                Arguments.of(new RecordingDeleted("rec_1", "ls_1", "acme"),
                        "{\"recording_id\":\"rec_1\",\"stream_id\":\"ls_1\",\"tenant\":\"acme\"}"),
                Arguments.of(target(SimulcastTargetStatus.Status.STARTING, null),
                        "{\"stream_id\":\"ls_1\",\"tenant\":\"acme\",\"target_id\":\"st_1\",\"passthrough\":\"main channel\","
                                + "\"host\":\"a.rtmps.youtube.com\",\"at\":\"2026-11-24T15:30:00.250Z\"}"),
                Arguments.of(target(SimulcastTargetStatus.Status.BROADCASTING, null),
                        "{\"stream_id\":\"ls_1\",\"tenant\":\"acme\",\"target_id\":\"st_1\",\"passthrough\":\"main channel\","
                                + "\"host\":\"a.rtmps.youtube.com\",\"at\":\"2026-11-24T15:30:00.250Z\"}"),
                Arguments.of(target(SimulcastTargetStatus.Status.ERRORED, "connection refused"),
                        "{\"stream_id\":\"ls_1\",\"tenant\":\"acme\",\"target_id\":\"st_1\",\"passthrough\":\"main channel\","
                                + "\"host\":\"a.rtmps.youtube.com\",\"at\":\"2026-11-24T15:30:00.250Z\","
                                + "\"reason\":\"connection refused\"}"),
                Arguments.of(new SimulcastTargetStatus("ls_1", "acme", "st_1", SimulcastTargetStatus.Status.IDLE, null,
                        "live-api-s.facebook.com", T1, null),
                        "{\"stream_id\":\"ls_1\",\"tenant\":\"acme\",\"target_id\":\"st_1\","
                                + "\"host\":\"live-api-s.facebook.com\",\"at\":\"2026-11-24T15:30:00.250Z\"}"));
    }

    private static SimulcastTargetStatus target(SimulcastTargetStatus.Status status, String reason) {
        return new SimulcastTargetStatus("ls_1", "acme", "st_1", status, "main channel", "a.rtmps.youtube.com", T1, reason);
    }

    @ParameterizedTest
    @MethodSource("goldenStructuredEvents")
    void structuredEventsEncodeToTheirGoldenJsonAndBack(EventData data, String goldenData) {
        StructuredEvent event = new StructuredEvent(new EventEnvelope("e-1", SOURCE, data.type(), data.streamId(), T1), data);
        // The attributes in the SDK's order, its time with the fraction's trailing zeros left out.
        String golden = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/sluice/ingest/ingest-1\",\"type\":\""
                + data.type().typeName() + "\",\"datacontenttype\":\"application/json\",\"subject\":\"ls_1\","
                + "\"time\":\"2026-11-24T15:30:00.25Z\",\"data\":" + goldenData + "}";

        EventRecord record = EventCodec.encode(event);

        assertThat(record.key()).isEqualTo("ls_1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(golden);
        assertThat(record.header("content-type")).contains("application/cloudevents+json; charset=UTF-8");
        assertThat(EventCodec.decode(record)).isEqualTo(new DecodedEvent.Structured(event));
        String asWrittenBefore = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/sluice/ingest/ingest-1\",\"type\":\""
                + data.type().typeName() + "\",\"subject\":\"ls_1\",\"time\":\"2026-11-24T15:30:00.250Z\","
                + "\"datacontenttype\":\"application/json\",\"data\":" + goldenData + "}";
        assertThat(EventCodec.decode(structured(asWrittenBefore))).as("the records already on the topics")
                .isEqualTo(new DecodedEvent.Structured(event));
    }

    @ParameterizedTest
    @MethodSource("goldenStructuredEvents")
    void theTypeOfAStructuredRecordIsReadWithoutDecodingIt(EventData data, String goldenData) {
        EventRecord record = EventCodec.encode(new StructuredEvent(new EventEnvelope("e-1", SOURCE, data.type(), data.streamId(), T1),
                data));
        String dataFirst = "{\"data\":" + goldenData + ",\"specversion\":\"1.0\",\"type\":\"" + data.type().typeName() + "\"}";

        assertThat(EventCodec.peekType(consumed(record))).contains(data.type());
        assertThat(EventCodec.peekType(consumed(structured(dataFirst)))).as("data before the type").contains(data.type());
    }

    @Test
    void aTypeThatCannotBeReadWithoutDecodingIsEmpty() {
        MediaEvent media = new MediaEvent(new EventEnvelope("e-2", SOURCE, EventType.MEDIA_AUDIO, "ls_1", T1), "ss_1", 1, 0,
                new byte[] {1});

        assertThat(EventCodec.peekType(consumed(EventCodec.encode(media)))).as("binary mode: ce_type").contains(EventType.MEDIA_AUDIO);
        assertThat(EventCodec.peekType(consumed(EventCodec.tombstone("ls_1")))).isEmpty();
        assertThat(EventCodec.peekType(consumed(structured("{oops")))).isEmpty();
        assertThat(EventCodec.peekType(consumed(structured("[1,2]")))).isEmpty();
        assertThat(EventCodec.peekType(consumed(structured("{\"type\":7}")))).isEmpty();
        assertThat(EventCodec.peekType(consumed(structured("{\"type\":\"io.sluice.future.thing\"}")))).isEmpty();
    }

    @Test
    void mediaEventsTravelInBinaryModeWithThePayloadUntouched() {
        byte[] payload = {0x17, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0b, 0x65, (byte) 0x88};
        MediaEvent event = new MediaEvent(new EventEnvelope("e-2", SOURCE, EventType.MEDIA_VIDEO, "ls_1", T1), "ss_1", 42,
                4294967000L, payload);

        EventRecord record = EventCodec.encode(event);

        assertThat(record.value()).isSameAs(payload);
        assertThat(record.headers()).extracting(EventHeader::key).containsExactly("ce_specversion", "ce_id", "ce_source",
                "ce_type", "ce_subject", "ce_time", "ce_sessionid", "ce_sequence", "ce_rtmptimestamp", "content-type");
        assertThat(record.header("ce_type")).contains("io.sluice.media.video");
        assertThat(record.header("ce_rtmptimestamp")).contains("4294967000");
        DecodedEvent decoded = EventCodec.decode(record);
        assertThat(decoded).isInstanceOfSatisfying(DecodedEvent.Media.class, m -> {
            assertThat(m.event().envelope()).isEqualTo(event.envelope());
            assertThat(m.event().sequence()).isEqualTo(42);
            assertThat(m.event().rtmpTimestamp()).isEqualTo(4294967000L);
            assertThat(m.event().payload()).containsExactly(payload);
        });
    }

    @Test
    void aMediaMessageIsIdentifiedByItsSessionAndSequence() {
        EventEnvelope first = EventEnvelope.forMediaMessage(SOURCE, EventType.MEDIA_AUDIO, "ls_1", "ss_1", 7, T1);
        EventEnvelope again = EventEnvelope.forMediaMessage(SOURCE, EventType.MEDIA_AUDIO, "ls_1", "ss_1", 7, T1);
        EventEnvelope next = EventEnvelope.forMediaMessage(SOURCE, EventType.MEDIA_AUDIO, "ls_1", "ss_1", 8, T1);

        assertThat(first.id()).isEqualTo("ss_1-7").isEqualTo(again.id()).isNotEqualTo(next.id());
        assertThat(first.subject()).isEqualTo("ls_1");
    }

    @Test
    void aNullValueIsATombstone() {
        assertThat(EventCodec.decode(EventCodec.tombstone("ls_9"))).isEqualTo(new DecodedEvent.Tombstone("ls_9"));
    }

    @Test
    void typesFromNewerProducersAreSkippable() {
        String json = "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/s\",\"type\":\"io.sluice.future.thing\","
                + "\"subject\":\"ls_1\",\"time\":\"2026-11-24T15:00:00Z\",\"data\":{\"stream_id\":\"ls_1\"}}";

        assertThat(EventCodec.decode(structured(json))).isEqualTo(new DecodedEvent.Unknown("ls_1", "io.sluice.future.thing"));
    }

    static Stream<Arguments> malformedRecords() {
        String valid = "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/s\",\"type\":\"io.sluice.session.started\","
                + "\"subject\":\"ls_1\",\"time\":\"2026-11-24T15:00:00Z\",\"data\":{\"stream_id\":\"ls_1\",\"session_id\":\"s\","
                + "\"started_at\":\"2026-11-24T15:00:00Z\"}}";
        return Stream.of(
                Arguments.of("not JSON", structured("{oops")),
                Arguments.of("an array", structured("[1,2]")),
                Arguments.of("trailing garbage", structured(valid + "x")),
                Arguments.of("spec version 0.3", structured(valid.replace("\"1.0\"", "\"0.3\""))),
                Arguments.of("time not RFC 3339", structured(valid.replace("2026-11-24T15:00:00Z\",\"data", "yesterday\",\"data"))),
                Arguments.of("duplicate field", structured(valid.replace("{\"specversion\":\"1.0\",", "{\"id\":\"y\",\"specversion\":\"1.0\","))),
                Arguments.of("nesting too deep", structured("{\"a\":".repeat(20) + "1" + "}".repeat(20))),
                Arguments.of("no content type", new EventRecord("ls_1", valid.getBytes(StandardCharsets.UTF_8), List.of())),
                Arguments.of("media without sequence", new EventRecord("ls_1", new byte[] {1}, List.of(
                        EventHeader.of("ce_specversion", "1.0"), EventHeader.of("ce_id", "x"), EventHeader.of("ce_source", "/s"),
                        EventHeader.of("ce_type", "io.sluice.media.audio"), EventHeader.of("ce_subject", "ls_1"),
                        EventHeader.of("ce_time", "2026-11-24T15:00:00Z"), EventHeader.of("ce_sessionid", "s"),
                        EventHeader.of("ce_rtmptimestamp", "0")))),
                Arguments.of("control event in binary mode", new EventRecord("ls_1", new byte[] {1}, List.of(
                        EventHeader.of("ce_specversion", "1.0"), EventHeader.of("ce_type", "io.sluice.session.started"),
                        EventHeader.of("ce_subject", "ls_1")))),
                Arguments.of("media event as JSON", structured(withData(EventType.MEDIA_VIDEO, "{\"stream_id\":\"ls_1\"}"))),
                Arguments.of("subject not the data's stream", structured(withData(EventType.RECORDING_DELETED,
                        "{\"recording_id\":\"rec_1\",\"stream_id\":\"ls_2\",\"tenant\":\"acme\"}"))),
                Arguments.of("errored target without a reason", structured(withData(EventType.SIMULCAST_TARGET_ERRORED,
                        "{\"stream_id\":\"ls_1\",\"tenant\":\"acme\",\"target_id\":\"st_1\",\"host\":\"h\","
                                + "\"at\":\"2026-11-24T15:00:00Z\"}"))),
                Arguments.of("negative recording size", structured(withData(EventType.RECORDING_READY, READY_DATA
                        .replace("\"size_bytes\":1", "\"size_bytes\":-1")))),
                Arguments.of("track of no known kind", structured(withData(EventType.RECORDING_READY, READY_DATA
                        .replace("\"kind\":\"audio\"", "\"kind\":\"smell\"")))),
                Arguments.of("width past 32 bits", structured(withData(EventType.RECORDING_READY, READY_DATA
                        .replace("\"width\":1280", "\"width\":4294967296")))),
                Arguments.of("session ids not strings", structured(withData(EventType.RECORDING_READY, READY_DATA
                        .replace("[\"ss_1\"]", "[1]")))),
                Arguments.of("no data", structured(withData(EventType.RECORDING_DELETED, "null"))));
    }

    /** A valid recording.ready's data, for breaking one rule at a time. */
    private static final String READY_DATA = "{\"recording_id\":\"rec_1\",\"stream_id\":\"ls_1\",\"tenant\":\"acme\","
            + "\"duration_ms\":1,\"size_bytes\":1,\"tracks\":[{\"kind\":\"video\",\"codec\":\"avc1.64001f\",\"width\":1280,"
            + "\"height\":720},{\"kind\":\"audio\",\"codec\":\"mp4a.40.2\"}],\"segment_count\":1,\"playback_url\":\"u\","
            + "\"mp4_url\":\"m\",\"session_ids\":[\"ss_1\"],\"started_at\":\"2026-11-24T15:00:00Z\","
            + "\"ended_at\":\"2026-11-24T15:00:01Z\"}";

    @Test
    void theBreakableRecordingIsValidAsItIs() {
        assertThat(EventCodec.decode(structured(withData(EventType.RECORDING_READY, READY_DATA))))
                .isInstanceOf(DecodedEvent.Structured.class);
    }

    private static String withData(EventType type, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/s\",\"type\":\"" + type.typeName() + "\","
                + "\"subject\":\"ls_1\",\"time\":\"2026-11-24T15:00:00Z\",\"data\":" + data + "}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRecords")
    void malformedRecordsAreRefusedWithATypedError(String name, EventRecord record) {
        assertThatThrownBy(() -> EventCodec.decode(record)).isInstanceOf(EventFormatException.class);
    }

    @Test
    void keyHashIsHexSha256ComparedInConstantTime() {
        assertThat(StreamKeyHash.of("test")).isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        assertThat(StreamKeyHash.matches(StreamKeyHash.of("a"), StreamKeyHash.of("a"))).isTrue();
        assertThat(StreamKeyHash.matches(StreamKeyHash.of("a"), StreamKeyHash.of("b"))).isFalse();
    }

    private static ConsumerRecord<String, byte[]> consumed(EventRecord record) {
        ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>("t", 0, 0, record.key(), record.value());
        record.headers().forEach(h -> consumed.headers().add(h.key(), h.value()));
        return consumed;
    }

    private static EventRecord structured(String json) {
        return new EventRecord("ls_1", json.getBytes(StandardCharsets.UTF_8),
                List.of(EventHeader.of("content-type", EventCodec.STRUCTURED_CONTENT_TYPE)));
    }
}

package io.sluice.media.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.media.error.MediaFormatException;
import io.sluice.media.event.data.EndReason;
import io.sluice.media.event.data.EventData;
import io.sluice.media.event.data.SessionEnded;
import io.sluice.media.event.data.SessionStarted;
import io.sluice.media.event.data.SessionStats;
import io.sluice.media.event.data.StreamKeyEntry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

    private static final URI SOURCE = URI.create("/sluice/ingest/ingest-1");
    private static final Instant T0 = Instant.parse("2026-11-24T15:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-24T15:30:00.250Z");

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
                        StreamKeyEntry.Status.ENABLED, 0, 43200, 60, true, 7, T0),
                        "{\"stream_id\":\"ls_1\",\"tenant\":\"acme\","
                                + "\"key_hash\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
                                + "\"status\":\"enabled\",\"limits\":{\"max_bitrate_kbps\":0,\"max_continuous_duration_seconds\":43200,"
                                + "\"reconnect_window_seconds\":60},\"recording\":true,\"version\":7,"
                                + "\"updated_at\":\"2026-11-24T15:00:00Z\"}"));
    }

    @ParameterizedTest
    @MethodSource("goldenStructuredEvents")
    void structuredEventsEncodeToTheirGoldenJsonAndBack(EventData data, String goldenData) {
        StructuredEvent event = new StructuredEvent(new EventEnvelope("e-1", SOURCE, data.type(), data.streamId(), T1), data);
        String golden = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/sluice/ingest/ingest-1\",\"type\":\""
                + data.type().typeName() + "\",\"subject\":\"ls_1\",\"time\":\"2026-11-24T15:30:00.250Z\","
                + "\"datacontenttype\":\"application/json\",\"data\":" + goldenData + "}";

        EventRecord record = EventCodec.encode(event);

        assertThat(record.key()).isEqualTo("ls_1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(golden);
        assertThat(record.header("content-type")).contains("application/cloudevents+json; charset=UTF-8");
        assertThat(EventCodec.decode(record)).isEqualTo(new DecodedEvent.Structured(event));
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
                        EventHeader.of("ce_subject", "ls_1")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRecords")
    void malformedRecordsAreRefusedWithATypedError(String name, EventRecord record) {
        assertThatThrownBy(() -> EventCodec.decode(record)).isInstanceOf(MediaFormatException.class);
    }

    @Test
    void keyHashIsHexSha256ComparedInConstantTime() {
        assertThat(StreamKeyHash.of("test")).isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        assertThat(StreamKeyHash.matches(StreamKeyHash.of("a"), StreamKeyHash.of("a"))).isTrue();
        assertThat(StreamKeyHash.matches(StreamKeyHash.of("a"), StreamKeyHash.of("b"))).isFalse();
    }

    private static EventRecord structured(String json) {
        return new EventRecord("ls_1", json.getBytes(StandardCharsets.UTF_8),
                List.of(EventHeader.of("content-type", EventCodec.STRUCTURED_CONTENT_TYPE)));
    }
}

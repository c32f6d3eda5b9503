package io.sluice.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.data.RecordingReady;
import io.sluice.events.data.StreamKeyEntry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a consumer of {@code v1} topics must live with: fields and event types added by newer producers
 * (ignored), and registry entries written before {@code playback_id} was added (read without one).
 */
class EventEvolutionTest {

    private static final String REGISTRY_DATA_BEFORE_PLAYBACK_ID = "{\"stream_id\":\"ls_1\",\"tenant\":\"acme\","
            + "\"key_hash\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\",\"status\":\"enabled\","
            + "\"limits\":{\"max_bitrate_kbps\":8000,\"max_continuous_duration_seconds\":43200,\"reconnect_window_seconds\":60},"
            + "\"recording\":true,\"version\":3,\"updated_at\":\"2026-11-24T16:00:03.120Z\"}";

    @Test
    void aRegistryEntryWrittenBeforePlaybackIdsReadsWithout() {
        StreamKeyEntry entry = registryEntry(REGISTRY_DATA_BEFORE_PLAYBACK_ID);

        assertThat(entry.playbackId()).isNull();
        assertThat(entry.version()).isEqualTo(3);
        assertThat(entry.reconnectWindowSeconds()).isEqualTo(60);
    }

    @Test
    void aRegistryEntryWithAPlaybackIdReadsIt() {
        StreamKeyEntry entry = registryEntry(REGISTRY_DATA_BEFORE_PLAYBACK_ID.replace("\"recording\":true,",
                "\"recording\":true,\"playback_id\":\"pb_8hT2kq\","));

        assertThat(entry.playbackId()).isEqualTo("pb_8hT2kq");
        assertThat(entry).isEqualTo(new StreamKeyEntry("ls_1", "acme", entry.keyHash(), StreamKeyEntry.Status.ENABLED, 8000,
                43_200, 60, true, "pb_8hT2kq", 3, Instant.parse("2026-11-24T16:00:03.120Z")));
    }

    @Test
    void fieldsANewerProducerAddsAreIgnoredAtEveryLevel() {
        String withAdditions = REGISTRY_DATA_BEFORE_PLAYBACK_ID
                .replace("{\"stream_id\"", "{\"ingest_region\":\"eu\",\"stream_id\"")
                .replace("\"reconnect_window_seconds\":60}", "\"reconnect_window_seconds\":60,\"max_viewers\":[1,{\"a\":null}]}")
                .replace("\"version\":3", "\"version\":3,\"labels\":{\"team\":\"news\"},\"weight\":0.5,\"beta\":false");

        assertThat(registryEntry(withAdditions)).isEqualTo(registryEntry(REGISTRY_DATA_BEFORE_PLAYBACK_ID));
    }

    @Test
    void fieldsAddedToARecordingsTracksAreIgnored() {
        String data = "{\"recording_id\":\"rec_1\",\"stream_id\":\"ls_1\",\"tenant\":\"acme\",\"duration_ms\":4000,"
                + "\"size_bytes\":10,\"tracks\":[{\"kind\":\"video\",\"codec\":\"hvc1.1.6.L93.B0\",\"width\":1920,\"height\":1080,"
                + "\"hdr\":\"pq\"}],\"segment_count\":2,\"playback_url\":\"u\",\"mp4_url\":\"m\",\"session_ids\":[\"ss_1\"],"
                + "\"started_at\":\"2026-11-24T15:00:00Z\",\"ended_at\":\"2026-11-24T15:00:04Z\",\"thumbnail_url\":\"t\"}";

        DecodedEvent decoded = EventCodec.decode(structured("io.sluice.recording.ready", data, ""));

        RecordingReady ready = (RecordingReady) ((DecodedEvent.Structured) decoded).event().data();
        assertThat(ready.tracks()).singleElement().satisfies(track -> {
            assertThat(track.codec()).isEqualTo("hvc1.1.6.L93.B0");
            assertThat(track.width()).isEqualTo(1920);
        });
    }

    @Test
    void attributesANewerProducerAddsAreIgnored() {
        String extras = ",\"traceparent\":\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\",\"partitionkey\":\"ls_1\","
                + "\"region\":\"eu\",\"Not-A-CloudEvents-Name\":\"x\",\"dataschema\":\"https://example.com/schemas/v1\"";

        DecodedEvent plain = EventCodec.decode(structured("io.sluice.streamkey.updated", REGISTRY_DATA_BEFORE_PLAYBACK_ID, ""));
        DecodedEvent extended = EventCodec.decode(structured("io.sluice.streamkey.updated", REGISTRY_DATA_BEFORE_PLAYBACK_ID,
                extras));

        assertThat(extended).isEqualTo(plain);
    }

    @Test
    void aStructuredEventOfAnUnknownTypeIsReportedForSkipping() {
        DecodedEvent decoded = EventCodec.decode(structured("io.sluice.recording.thumbnail", "{\"anything\":[1,2,3]}", ""));

        assertThat(decoded).isEqualTo(new DecodedEvent.Unknown("ls_1", "io.sluice.recording.thumbnail"));
    }

    @Test
    void aBinaryEventOfAnUnknownTypeIsReportedForSkipping() {
        EventRecord record = new EventRecord("ls_1", new byte[] {1, 2, 3}, List.of(EventHeader.of("ce_specversion", "1.0"),
                EventHeader.of("ce_id", "ss_1-9"), EventHeader.of("ce_source", "/sluice/ingest/i"),
                EventHeader.of("ce_type", "io.sluice.media.subtitle"), EventHeader.of("ce_subject", "ls_1"),
                EventHeader.of("ce_time", "2026-11-24T15:00:00Z"), EventHeader.of("content-type", "text/vtt")));

        assertThat(EventCodec.decode(record)).isEqualTo(new DecodedEvent.Unknown("ls_1", "io.sluice.media.subtitle"));
    }

    /** How every consumer of the platform reads a topic: what it knows, and nothing fails on what it does not. */
    @Test
    void aConsumerGoesOnPastWhatItDoesNotKnow() {
        List<EventRecord> topic = List.of(
                structured("io.sluice.streamkey.updated", REGISTRY_DATA_BEFORE_PLAYBACK_ID, ""),
                structured("io.sluice.streamkey.renamed", "{\"stream_id\":\"ls_1\",\"name\":\"new\"}", ""),
                EventCodec.encode(StructuredEvent.of(URI.create("/sluice/auth"), registryEntry(REGISTRY_DATA_BEFORE_PLAYBACK_ID
                        .replace("\"version\":3", "\"version\":4,\"priority\":\"high\"")), Instant.now())),
                EventCodec.tombstone("ls_1"));

        List<Long> versions = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (EventRecord record : topic) {
            switch (EventCodec.decode(record)) {
                case DecodedEvent.Structured s when s.event().data() instanceof StreamKeyEntry entry -> versions.add(entry.version());
                case DecodedEvent.Tombstone t -> versions.add(-1L);
                case DecodedEvent.Unknown u -> skipped.add(u.typeName());
                default -> throw new AssertionError("not a registry event");
            }
        }

        assertThat(versions).containsExactly(3L, 4L, -1L);
        assertThat(skipped).containsExactly("io.sluice.streamkey.renamed");
    }

    private static StreamKeyEntry registryEntry(String data) {
        DecodedEvent decoded = EventCodec.decode(structured("io.sluice.streamkey.updated", data, ""));
        return (StreamKeyEntry) ((DecodedEvent.Structured) decoded).event().data();
    }

    private static EventRecord structured(String type, String data, String extraAttributes) {
        String json = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/sluice/auth\",\"type\":\"" + type + "\","
                + "\"subject\":\"ls_1\",\"time\":\"2026-11-24T16:00:03.2Z\",\"datacontenttype\":\"application/json\""
                + extraAttributes + ",\"data\":" + data + "}";
        return new EventRecord("ls_1", json.getBytes(StandardCharsets.UTF_8),
                List.of(EventHeader.of("content-type", EventCodec.STRUCTURED_CONTENT_TYPE)));
    }
}

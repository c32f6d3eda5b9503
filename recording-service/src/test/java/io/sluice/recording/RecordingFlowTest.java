package io.sluice.recording;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.sluice.events.DecodedEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.RecordingReady;
import io.sluice.events.data.RecordingStarted;
import io.sluice.media.flv.FlvTag;
import io.sluice.recording.support.Ffprobe;
import io.sluice.recording.support.FlvClips;
import io.sluice.recording.support.HlsValidator;
import io.sluice.recording.support.MediaPublisher;
import io.sluice.recording.support.TestStream;
import io.sluice.recording.support.Tokens;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.TestMedia;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session's media log becomes a recording: every frame of the source comes back out of the on-demand playlist
 * and the MP4 download byte for byte (ffprobe reads both), the playlists pass two strict parsers, and
 * {@code recording.started} and {@code recording.ready} are published once each.
 */
@QuarkusTest
class RecordingFlowTest {

    @Test
    void aSessionIsRecordedAndPlaysBackFrameForFrame(@TempDir Path folder) throws Exception {
        List<FlvTag> tags = FlvClips.tags(TestMedia.testsrcClip());
        try (TestStream stream = TestStream.create(DemoUser.ALICE, true, 0);
                MediaLog events = new MediaLog(Topics.RECORDINGS, stream.streamId)) {
            String session = MediaPublisher.newSession();
            Instant started = Instant.now();
            stream.publisher.sessionStarted(session, started);
            stream.publisher.media(session, tags, 1, 0);
            stream.publisher.sessionEnded(session, started, Instant.now());

            JsonPath recording = stream.awaitRecordings(1, "ready").getFirst();
            assertThat(recording.getString("id")).matches("rec_[0-9a-f]{32}");
            assertThat(recording.getString("tenant")).isEqualTo("acme");
            assertThat(recording.getInt("segment_count")).isEqualTo(2);
            assertThat(recording.getDouble("duration_seconds")).isBetween(2.9, 3.1);
            assertThat(recording.getList("tracks.codecs")).containsExactly("avc1.42c00d", "mp4a.40.2");
            assertThat(recording.getList("sessions.id")).containsExactly(session);

            String playback = local(recording.getString("playback_url"));
            String vod = given().when().get(playback).then().statusCode(200)
                    .contentType("application/vnd.apple.mpegurl").header("Cache-Control", "public, max-age=300")
                    .extract().asString();
            JsonNode parsed = HlsValidator.validate(vod);
            assertThat(parsed.get("endlist").asBoolean()).isTrue();
            assertThat(parsed.get("playlistType").asText()).isEqualTo("VOD");
            assertThat(parsed.get("canBlockReload").asBoolean()).isFalse();
            assertThat(vod).doesNotContain("#EXT-X-PART", "#EXT-X-PRELOAD-HINT");
            String segment = playback.substring(0, playback.lastIndexOf('/') + 1)
                    + vod.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).findFirst().orElseThrow();
            byte[] whole = given().when().get(segment).then().statusCode(200).contentType("video/iso.segment")
                    .header("Cache-Control", "public, max-age=31536000, immutable").extract().asByteArray();
            Response head = given().header("Range", "bytes=0-99").when().get(segment);
            assertThat(head.statusCode()).isEqualTo(206);
            assertThat(head.header("Content-Range")).isEqualTo("bytes 0-99/" + whole.length);
            assertThat(head.asByteArray()).isEqualTo(java.util.Arrays.copyOf(whole, 100));

            Path source = folder.resolve("source.flv");
            Files.copy(TestMedia.testsrcClip(), source);
            List<Ffprobe.Packet> expected = Ffprobe.packets(source.toString());
            assertThat(Ffprobe.packets("http://localhost:" + RestAssured.port + playback)).isEqualTo(expected);

            Response mp4 = given().auth().oauth2(Tokens.of(DemoUser.ALICE)).when()
                    .get(URI.create(recording.getString("mp4_url")).getPath());
            assertThat(mp4.statusCode()).isEqualTo(200);
            assertThat(mp4.contentType()).isEqualTo("video/mp4");
            Path download = folder.resolve("download.mp4");
            Files.write(download, mp4.asByteArray());
            assertThat(Long.parseLong(mp4.header("Content-Length"))).isEqualTo(Files.size(download));
            assertThat(Ffprobe.packets(download.toString())).isEqualTo(expected);
            Ffprobe.decodesWithoutError(download.toString());

            byte[] file = Files.readAllBytes(download);
            Response range = given().auth().oauth2(Tokens.of(DemoUser.ALICE)).header("Range", "bytes=100-1099")
                    .when().get(URI.create(recording.getString("mp4_url")).getPath());
            assertThat(range.statusCode()).isEqualTo(206);
            assertThat(range.header("Content-Range")).isEqualTo("bytes 100-1099/" + file.length);
            assertThat(range.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(file, 100, 1100));

            List<DecodedEvent> published = events.eventsWithin(Duration.ofSeconds(3));
            assertThat(published).extracting(e -> ((DecodedEvent.Structured) e).event().envelope().type().typeName())
                    .containsExactly("io.sluice.recording.started", "io.sluice.recording.ready");
            RecordingStarted start = MediaLog.data(published.get(0), RecordingStarted.class);
            assertThat(start.recordingId()).isEqualTo(recording.getString("id"));
            assertThat(start.sessionId()).isEqualTo(session);
            RecordingReady ready = MediaLog.data(published.get(1), RecordingReady.class);
            assertThat(ready.segmentCount()).isEqualTo(2);
            assertThat(ready.sizeBytes()).isEqualTo(recording.getLong("size_bytes"));
            assertThat(ready.mp4Url()).isEqualTo(recording.getString("mp4_url"));
            assertThat(ready.tracks()).extracting(t -> t.codec()).containsExactly("avc1.42c00d", "mp4a.40.2");
        }
    }

    @Test
    void theMultivariantPlaylistNamesCodecsAndResolution() {
        try (TestStream stream = TestStream.create(DemoUser.ALICE, true, 0)) {
            String session = MediaPublisher.newSession();
            stream.publisher.sessionStarted(session, Instant.now());
            stream.publisher.media(session, FlvClips.tags(TestMedia.testsrcClip()), 1, 0);
            stream.publisher.sessionEnded(session, Instant.now(), Instant.now());
            stream.awaitRecordings(1, "ready");

            String text = given().when().get("/v1/playback/" + stream.playbackId + "/playlist.m3u8").then()
                    .statusCode(200).extract().asString();
            JsonNode variant = HlsValidator.validate(text).get("variants").get(0);
            assertThat(variant.get("uri").asText()).isEqualTo("index.m3u8");
            assertThat(variant.get("codecs").asText()).isEqualTo("avc1.42c00d,mp4a.40.2");
            assertThat(variant.get("resolution").get("width").asInt()).isEqualTo(320);
            assertThat(variant.get("resolution").get("height").asInt()).isEqualTo(240);
            assertThat(variant.get("bandwidth").asLong()).isPositive();
        }
    }

    /** The path of a URL the service made with its public base URL, for this test's random port. */
    static String local(String url) {
        return URI.create(url).getPath();
    }
}

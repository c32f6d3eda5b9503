package io.sluice.recording;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.sluice.events.data.EndReason;
import io.sluice.media.flv.FlvTag;
import io.sluice.recording.support.Ffprobe;
import io.sluice.recording.support.FlvClips;
import io.sluice.recording.support.HlsValidator;
import io.sluice.recording.support.MediaPublisher;
import io.sluice.recording.support.TestStream;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An encoder that comes back within the stream's reconnect window continues its recording, with a discontinuity;
 * one that comes back later starts a new recording. The timestamps of the second session start again from 0.
 */
@QuarkusTest
class ReconnectTest {

    /** Every surviving ingest instance ends a lost instance's session: the first end is the session's. */
    @Test
    void aSessionEndedTwiceKeepsItsFirstEnd() {
        List<FlvTag> tags = FlvClips.tags(TestMedia.testsrcClip());
        try (TestStream stream = TestStream.create(DemoUser.ALICE, true, 0)) {
            Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String session = MediaPublisher.newSession();
            stream.publisher.sessionStarted(session, start);
            stream.publisher.media(session, tags, 1, 0);
            stream.publisher.sessionEnded(session, start, start.plusSeconds(3), EndReason.INGEST_LOST);
            stream.publisher.sessionEnded(session, start, start.plusSeconds(9), EndReason.INGEST_LOST);
            stream.publisher.sessionEnded(session, start, start.plusSeconds(12), EndReason.CLIENT_CLOSED);

            JsonPath recording = stream.awaitRecordings(1, "ready").getFirst();
            assertThat(recording.getList("sessions.id")).containsExactly(session);
            assertThat(Instant.parse(recording.getString("sessions[0].ended_at"))).isEqualTo(start.plusSeconds(3));
            assertThat(recording.getString("sessions[0].end_reason")).isEqualTo(EndReason.INGEST_LOST.wireName());
        }
    }

    @Test
    void aReconnectWithinTheWindowContinuesTheRecording(@TempDir Path folder) throws Exception {
        List<FlvTag> tags = FlvClips.tags(TestMedia.testsrcClip());
        try (TestStream stream = TestStream.create(DemoUser.ALICE, true, 2)) {
            Instant start = Instant.now();
            String first = MediaPublisher.newSession();
            stream.publisher.sessionStarted(first, start);
            stream.publisher.media(first, tags, 1, 0);
            stream.publisher.sessionEnded(first, start, start.plusSeconds(3));
            String second = MediaPublisher.newSession();
            stream.publisher.sessionStarted(second, start.plusSeconds(4));
            stream.publisher.media(second, tags, 1, 0);
            stream.publisher.sessionEnded(second, start.plusSeconds(4), start.plusSeconds(7));

            JsonPath recording = stream.awaitRecordings(1, "ready").getFirst();
            assertThat(recording.getList("sessions.id")).containsExactly(first, second);
            assertThat(recording.getDouble("duration_seconds")).isBetween(5.8, 6.2);
            String playlist = given().when().get(RecordingFlowTest.local(recording.getString("playback_url"))).then()
                    .statusCode(200).extract().asString();
            JsonNode parsed = HlsValidator.validate(playlist);
            List<String> maps = new ArrayList<>();
            int discontinuities = 0;
            for (JsonNode segment : parsed.get("segments")) {
                maps.add(segment.get("map").isNull() ? null : segment.get("map").asText());
                discontinuities += segment.path("discontinuity").asBoolean() ? 1 : 0;
            }
            assertThat(discontinuities).isEqualTo(1);
            assertThat(playlist).contains("#EXT-X-MAP:URI=\"init-0.mp4\"", "#EXT-X-MAP:URI=\"init-1.mp4\"");

            Path source = folder.resolve("source.flv");
            Files.copy(TestMedia.testsrcClip(), source);
            List<Ffprobe.Packet> once = Ffprobe.packets(source.toString());
            List<Ffprobe.Packet> twice = new ArrayList<>(once);
            twice.addAll(once);
            List<Ffprobe.Packet> recorded = Ffprobe.packets("http://localhost:" + RestAssured.port
                    + RecordingFlowTest.local(recording.getString("playback_url")));
            assertThat(recorded.stream().filter(p -> p.type().equals("video")).toList())
                    .isEqualTo(twice.stream().filter(p -> p.type().equals("video")).toList());
            assertThat(recorded.stream().filter(p -> p.type().equals("audio")).toList())
                    .isEqualTo(twice.stream().filter(p -> p.type().equals("audio")).toList());
        }
    }

    @Test
    void aReconnectAfterTheWindowStartsANewRecording() {
        List<FlvTag> tags = FlvClips.tags(TestMedia.testsrcClip());
        try (TestStream stream = TestStream.create(DemoUser.ALICE, true, 2)) {
            Instant start = Instant.now();
            String first = MediaPublisher.newSession();
            stream.publisher.sessionStarted(first, start);
            stream.publisher.media(first, tags, 1, 0);
            stream.publisher.sessionEnded(first, start, start.plusSeconds(3));
            String second = MediaPublisher.newSession();
            stream.publisher.sessionStarted(second, start.plusSeconds(10));
            stream.publisher.media(second, tags, 1, 0);
            stream.publisher.sessionEnded(second, start.plusSeconds(10), start.plusSeconds(13));

            List<JsonPath> recordings = stream.awaitRecordings(2, "ready");
            assertThat(recordings.get(1).getString("status")).isEqualTo("ready");
            assertThat(recordings.get(0).getList("sessions.id")).containsExactly(second);
            assertThat(recordings.get(1).getList("sessions.id")).containsExactly(first);
        }
    }
}

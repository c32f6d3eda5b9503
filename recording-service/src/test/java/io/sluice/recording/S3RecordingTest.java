package io.sluice.recording;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.sluice.media.flv.FlvTag;
import io.sluice.recording.objects.S3MockServer;
import io.sluice.recording.support.Ffprobe;
import io.sluice.recording.support.FlvClips;
import io.sluice.recording.support.MediaPublisher;
import io.sluice.recording.support.Mp4Downloads;
import io.sluice.recording.support.TestStream;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording into a real S3-compatible server: a session plays back and downloads frame for frame from the
 * object store, and an object store that stops answering in mid-stream stops recording (not ready) until it
 * answers again, after which every frame is there once.
 */
@QuarkusTest
@TestProfile(S3StorageProfile.class)
class S3RecordingTest {

    private static final Duration AWAY = Duration.ofSeconds(120);

    @Test
    void aSessionIsStoredInTheObjectStoreAndPlaysBackFrameForFrame(@TempDir Path folder) throws Exception {
        List<FlvTag> tags = FlvClips.tags(TestMedia.testsrcClip());
        try (TestStream stream = TestStream.create(DemoUser.ALICE, true, 0)) {
            String session = MediaPublisher.newSession();
            stream.publisher.sessionStarted(session, Instant.now());
            stream.publisher.media(session, tags, 1, 0);
            stream.publisher.sessionEnded(session, Instant.now(), Instant.now());

            JsonPath recording = stream.awaitRecordings(1, "ready").getFirst();
            List<Ffprobe.Packet> expected = source(folder);
            assertThat(Ffprobe.packets("http://localhost:" + RestAssured.port
                    + RecordingFlowTest.local(recording.getString("playback_url")))).isEqualTo(expected);
            Path download = Mp4Downloads.fetch(recording, DemoUser.ALICE, folder.resolve("download.mp4"));
            assertThat(Ffprobe.packets(download.toString())).isEqualTo(expected);
            assertThat(S3StorageProfile.Server.server().store(Duration.ofSeconds(10)).size(
                    "acme/" + stream.streamId + "/" + recording.getString("id") + "/init-0.mp4")).isPresent();
        }
    }

    @Test
    void anObjectStoreThatStopsAnsweringStopsRecordingUntilItIsBackAndNothingIsLost(@TempDir Path folder)
            throws Exception {
        List<FlvTag> tags = FlvClips.tags(TestMedia.testsrcClip());
        S3MockServer server = S3StorageProfile.Server.server();
        try (TestStream stream = TestStream.create(DemoUser.ALICE, true, 0)) {
            String session = MediaPublisher.newSession();
            stream.publisher.sessionStarted(session, Instant.now());
            stream.publisher.media(session, tags.subList(0, 90), 1, 0);
            Awaitility.await().atMost(TestStream.WITHIN).until(() -> stream.recordings().size() == 1);

            server.suspend();
            try {
                stream.publisher.media(session, tags.subList(90, tags.size()), 91, 0);
                stream.publisher.sessionEnded(session, Instant.now(), Instant.now());
                Awaitility.await().atMost(AWAY).pollInterval(Duration.ofSeconds(1))
                        .until(() -> given().when().get("/q/health/ready").statusCode() == 503);
                assertThat(stream.recordings().getFirst().getString("status")).isEqualTo("recording");
            } finally {
                server.resume();
            }
            Awaitility.await().atMost(AWAY).pollInterval(Duration.ofSeconds(1))
                    .until(() -> given().when().get("/q/health/ready").statusCode() == 200);

            JsonPath recording = stream.awaitRecordings(1, "ready").getFirst();
            assertThat(Ffprobe.packets("http://localhost:" + RestAssured.port
                    + RecordingFlowTest.local(recording.getString("playback_url")))).isEqualTo(source(folder));
        }
    }

    private static List<Ffprobe.Packet> source(Path folder) throws java.io.IOException {
        Path source = folder.resolve("source.flv");
        Files.copy(TestMedia.testsrcClip(), source);
        return Ffprobe.packets(source.toString());
    }
}

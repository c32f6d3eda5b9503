package io.sluice.recording;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.sluice.events.DecodedEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.RecordingFailed;
import io.sluice.events.data.RecordingReady;
import io.sluice.media.codec.ImmutableBytes;
import io.sluice.media.flv.FlvTag;
import io.sluice.media.flv.FlvTagType;
import io.sluice.recording.config.RecordingConfig;
import io.sluice.recording.support.Ffprobe;
import io.sluice.recording.support.FlvClips;
import io.sluice.recording.support.MediaPublisher;
import io.sluice.recording.support.TestStream;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.TestMedia;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What goes wrong on the way: records that are not events and tag bodies that do not parse are counted and
 * skipped while the recording goes on; storage that goes away stops recording (not ready) until it is back,
 * and then every frame is there once.
 */
@QuarkusTest
class MediaFailuresTest {

    @Inject
    RecordingConfig config;

    @Test
    void malformedRecordsAreCountedAndSkipped(@TempDir Path folder) throws Exception {
        List<FlvTag> tags = FlvClips.tags(TestMedia.testsrcClip());
        FlvTag vp9 = FlvClips.tags(TestMedia.file("ertmp-vp9.flv")).stream()
                .filter(tag -> tag.type() == FlvTagType.VIDEO).findFirst().orElseThrow();
        double malformedBefore = metric("sluice_recording_media_records_total", "outcome=\"malformed\"");
        double unsupportedBefore = metric("sluice_recording_media_records_total", "outcome=\"unsupported\"");
        double gapsBefore = metric("sluice_recording_media_sequence_gaps_total", "");
        try (TestStream stream = TestStream.create(DemoUser.ALICE, true, 0)) {
            String session = MediaPublisher.newSession();
            stream.publisher.sessionStarted(session, Instant.now());
            stream.publisher.media(session, tags.subList(0, 100), 1, 0);
            stream.publisher.garbage(new byte[] {1, 2, 3});
            // Reserved VideoFrameType 0 in a legacy video tag: not a body media-core can read.
            stream.publisher.media(session, 101, FlvTagType.VIDEO, tags.get(99).timestamp(),
                    ImmutableBytes.copyOf(new byte[] {0x07, 0x01, 0, 0, 0}));
            // A codec the recording does not take (VP9), then a gap in the numbering: records the log lacks.
            stream.publisher.media(session, 102, FlvTagType.VIDEO, tags.get(99).timestamp(), vp9.body());
            stream.publisher.media(session, tags.subList(100, tags.size()), 110, 0);
            stream.publisher.sessionEnded(session, Instant.now(), Instant.now());

            JsonPath recording = stream.awaitRecordings(1, "ready").getFirst();
            assertThat(metric("sluice_recording_media_records_total", "outcome=\"malformed\"") - malformedBefore)
                    .isEqualTo(2);
            assertThat(metric("sluice_recording_media_records_total", "outcome=\"unsupported\"") - unsupportedBefore)
                    .isEqualTo(1);
            assertThat(metric("sluice_recording_media_sequence_gaps_total", "") - gapsBefore).isEqualTo(1);
            Path source = folder.resolve("source.flv");
            Files.copy(TestMedia.testsrcClip(), source);
            assertThat(Ffprobe.packets("http://localhost:" + RestAssured.port
                    + RecordingFlowTest.local(recording.getString("playback_url")))).isEqualTo(Ffprobe.packets(source.toString()));
        }
    }

    @Test
    void storageThatGoesAwayStopsRecordingUntilItIsBackAndNothingIsLost(@TempDir Path folder) throws Exception {
        List<FlvTag> tags = FlvClips.tags(TestMedia.testsrcClip());
        Path store = Path.of(config.storage().directory());
        Path aside = store.resolveSibling(store.getFileName() + "-aside");
        try (TestStream stream = TestStream.create(DemoUser.ALICE, true, 0)) {
            String session = MediaPublisher.newSession();
            stream.publisher.sessionStarted(session, Instant.now());
            stream.publisher.media(session, tags.subList(0, 90), 1, 0);
            Awaitility.await().atMost(TestStream.WITHIN).until(() -> stream.recordings().size() == 1);

            Files.move(store, aside);
            Files.writeString(store, "the disk is gone");
            try {
                stream.publisher.media(session, tags.subList(90, tags.size()), 91, 0);
                stream.publisher.sessionEnded(session, Instant.now(), Instant.now());
                Awaitility.await().atMost(TestStream.WITHIN).until(() -> given().when().get("/q/health/ready")
                        .statusCode() == 503);
            } finally {
                Files.delete(store);
                Files.move(aside, store);
            }
            Awaitility.await().atMost(TestStream.WITHIN).until(() -> given().when().get("/q/health/ready")
                    .statusCode() == 200);

            JsonPath recording = stream.awaitRecordings(1, "ready").getFirst();
            Path source = folder.resolve("source.flv");
            Files.copy(TestMedia.testsrcClip(), source);
            assertThat(Ffprobe.packets("http://localhost:" + RestAssured.port
                    + RecordingFlowTest.local(recording.getString("playback_url")))).isEqualTo(Ffprobe.packets(source.toString()));
        }
    }

    @Test
    void aSessionWithNothingRecordableFailsWithItsReason() {
        try (TestStream stream = TestStream.create(DemoUser.ALICE, true, 0);
                MediaLog events = new MediaLog(Topics.RECORDINGS, stream.streamId)) {
            String session = MediaPublisher.newSession();
            stream.publisher.sessionStarted(session, Instant.now());
            stream.publisher.media(session, FlvClips.tags(TestMedia.file("ertmp-vp9.flv")), 1, 0);
            stream.publisher.sessionEnded(session, Instant.now(), Instant.now());

            JsonPath recording = stream.awaitRecordings(1, "failed").getFirst();
            assertThat(recording.getString("failure_reason")).startsWith("no recordable media");
            List<DecodedEvent> published = events.awaitEvent(event -> MediaLog.is(event, RecordingFailed.class),
                    TestStream.WITHIN);
            RecordingFailed failed = MediaLog.data(published.getLast(), RecordingFailed.class);
            assertThat(failed.recordingId()).isEqualTo(recording.getString("id"));
            assertThat(failed.reason()).isEqualTo(recording.getString("failure_reason"));
            assertThat(published).filteredOn(event -> MediaLog.is(event, RecordingReady.class)).isEmpty();
        }
    }

    private static double metric(String name, String label) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : text.split("\n")) {
            if ((line.startsWith(name + "{") || line.startsWith(name + " ")) && line.contains(label)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}

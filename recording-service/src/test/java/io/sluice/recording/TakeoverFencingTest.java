package io.sluice.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.sluice.media.cmaf.TrackKind;
import io.sluice.media.flv.FlvTag;
import io.sluice.media.flv.FlvTagType;
import io.sluice.recording.config.RecordingConfig;
import io.sluice.recording.domain.MediaRecorder;
import io.sluice.recording.domain.RecorderFencedException;
import io.sluice.recording.domain.StoreBatch;
import io.sluice.recording.domain.StreamInfo;
import io.sluice.recording.domain.StreamRecorder;
import io.sluice.recording.support.Ffprobe;
import io.sluice.recording.support.FlvClips;
import io.sluice.recording.support.MediaPublisher;
import io.sluice.recording.support.TestStream;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.TestMedia;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances and one stream, as after a rebalance that the old owner did not notice (a pause longer than the
 * poll interval, a network cut): the new owner takes the stream over from what is stored, and the old one, still
 * holding its records, writes nothing more, neither objects nor metadata. The recording the new owner finishes
 * holds every frame of the source once.
 */
@QuarkusTest
class TakeoverFencingTest {

    @Inject
    MediaRecorder recorder;

    @Inject
    RecordingConfig config;

    @Test
    void anInstanceThatLostTheStreamWritesNothingAndTheNewOwnerRecordsEveryFrame(@TempDir Path folder) throws Exception {
        List<FlvTag> tags = FlvClips.tags(TestMedia.testsrcClip());
        try (TestStream stream = TestStream.create(DemoUser.ALICE, true, 0)) {
            StreamInfo info = new StreamInfo(stream.streamId, DemoUser.ALICE.tenant(), stream.playbackId, true, 0);
            String session = MediaPublisher.newSession();
            StreamRecorder old = recorder.load(stream.streamId);
            recorder.sessionStarted(old, info, session, Instant.now());
            feed(old, session, tags, 0, 100);

            StreamRecorder owner = recorder.load(stream.streamId);
            Path media = Path.of(config.storage().directory(), DemoUser.ALICE.tenant(), stream.streamId);
            Map<String, String> stored = files(media);
            assertThat(stored).as("the old owner stored parts").isNotEmpty();
            assertThatThrownBy(() -> feed(old, session, tags, 100, tags.size()))
                    .isInstanceOf(RecorderFencedException.class);
            assertThat(files(media)).as("not one object written or replaced").isEqualTo(stored);

            // The new owner reads the partition again from the committed offset: what is stored is skipped.
            feed(owner, session, tags, 0, tags.size());
            StoreBatch end = recorder.newBatch();
            recorder.sessionEnded(owner, session, Instant.now(), "client_closed", end);
            end.commit();

            JsonPath recording = stream.awaitRecordings(1, "ready").getFirst();
            Path source = folder.resolve("source.flv");
            Files.copy(TestMedia.testsrcClip(), source);
            assertThat(Ffprobe.packets("http://localhost:" + RestAssured.port
                    + RecordingFlowTest.local(recording.getString("playback_url"))))
                    .isEqualTo(Ffprobe.packets(source.toString()));
        }
    }

    /** Tags {@code from} (inclusive) to {@code to} as one round of media records numbered from 1, then stored. */
    private void feed(StreamRecorder stream, String session, List<FlvTag> tags, int from, int to) {
        StoreBatch batch = recorder.newBatch();
        for (int i = from; i < to; i++) {
            FlvTag tag = tags.get(i);
            TrackKind kind = tag.type() == FlvTagType.VIDEO ? TrackKind.VIDEO
                    : tag.type() == FlvTagType.AUDIO ? TrackKind.AUDIO : null;
            recorder.media(stream, session, i + 1, kind, tag.timestamp(), tag.body().toByteArray(), Instant.now(), batch);
        }
        batch.commit();
    }

    /** Every file under {@code root} with the SHA-256 of its content. */
    private static Map<String, String> files(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        return files;
    }
}

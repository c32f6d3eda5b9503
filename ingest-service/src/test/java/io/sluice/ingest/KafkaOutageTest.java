package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.events.DecodedEvent;
import io.sluice.events.EventType;
import io.sluice.events.MediaEvent;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.ingest.support.Metrics;
import io.sluice.ingest.support.SourceTags;
import io.sluice.media.flv.FlvTagType;
import io.sluice.stack.component.KafkaBroker;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import io.sluice.testkit.TestStack;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The real broker stopped and started again under a live stream: nothing lost, duplicated or reordered.
 * The media on the topic is checked against what the ingest read (the frame counts of session.ended) and
 * against the source file, tag by tag, so a loss anywhere, also just before the end, shows.
 */
@QuarkusTest
class KafkaOutageTest {

    /** The test clip: a sequence header, 75 frames and an end of sequence; a sequence header and 131 frames. */
    private static final int VIDEO_FRAMES_PER_PASS = 75;
    private static final int AUDIO_FRAMES_PER_PASS = 131;

    /** About 3 s of the clip (198 kbit/s). */
    private static final double BYTES_DURING_OUTAGE = 75_000;
    /**
     * Generous against a loaded machine, and well inside kafka.unavailable-grace (30 s), past which the session
     * would end.
     */
    private static final Duration CONDITION_BOUND = Duration.ofSeconds(20);

    @ConfigProperty(name = "sluice.ingest.rtmp.port")
    int rtmpPort;

    @Inject
    TestRegistry registry;

    @Test
    void aBrokerBackWithinTheGraceLosesNothing() throws Exception {
        KafkaBroker kafka = TestStack.get().stack().kafka();
        RegistryWriter.TestStream stream = registry.createStream("acme");
        Path clip = TestMedia.testsrcClip();
        try (MediaLog log = new MediaLog(stream.streamId());
                Ffmpeg ffmpeg = Ffmpeg.publishLive(clip, "rtmp://localhost:" + rtmpPort + "/live/" + stream.key())) {
            log.awaitEvent(e -> MediaLog.is(e, SessionStarted.class), Duration.ofSeconds(10));
            log.awaitEvent(e -> e instanceof DecodedEvent.Media m && m.event().sequence() >= 25, Duration.ofSeconds(20));

            kafka.down();
            // The outage lasts while the ingest reads a good part of the stream that only Kafka's return can save.
            double readAtOutage = bytesRead();
            Awaitility.await("the ingest reads on while Kafka is away").atMost(CONDITION_BOUND).pollInterval(Duration.ofMillis(100))
                    .until(() -> bytesRead() - readAtOutage >= BYTES_DURING_OUTAGE);
            kafka.up();
            // Media read after the broker is back reaches the topic too, behind what waited for it.
            long readDuringOutage = (long) bytesRead();
            Awaitility.await("media flows again").atMost(CONDITION_BOUND).pollInterval(Duration.ofMillis(100))
                    .until(() -> bytesRead() - readDuringOutage >= BYTES_DURING_OUTAGE);
            ffmpeg.close();

            List<DecodedEvent> events = log.awaitSessionEnded(Duration.ofSeconds(30));
            List<MediaEvent> media = events.stream().filter(e -> e instanceof DecodedEvent.Media)
                    .map(e -> ((DecodedEvent.Media) e).event()).toList();
            SessionEnded ended = MediaLog.data(events.getLast(), SessionEnded.class);

            assertThat(ended.reason()).isEqualTo(EndReason.CLIENT_CLOSED);
            assertThat(media).as("6 s or more of a 25 fps stream, with its audio").hasSizeGreaterThan(300);
            assertThat(media).extracting(MediaEvent::sequence)
                    .as("every message exactly once, in order")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, media.size()).boxed().toList());
            List<MediaEvent> video = ofType(media, EventType.MEDIA_VIDEO);
            List<MediaEvent> audio = ofType(media, EventType.MEDIA_AUDIO);
            assertThat(video).as("every video frame the ingest read").hasSize((int) ended.videoFrames());
            assertThat(audio).as("every audio frame the ingest read").hasSize((int) ended.audioFrames());
            assertThat(ofType(media, EventType.MEDIA_METADATA)).as("onMetaData, once").hasSize(1);
            assertThat(media).as("nothing else").hasSize(video.size() + audio.size() + 1);
            assertLoopedSource(video, SourceTags.bodies(clip, FlvTagType.VIDEO), VIDEO_FRAMES_PER_PASS, "video");
            assertLoopedSource(audio, SourceTags.bodies(clip, FlvTagType.AUDIO), AUDIO_FRAMES_PER_PASS, "audio");
        }
    }

    private static double bytesRead() {
        return Metrics.value("sluice_ingest_bytes_in_total", "protocol", "rtmp");
    }

    private static List<MediaEvent> ofType(List<MediaEvent> media, EventType type) {
        return media.stream().filter(m -> m.envelope().type() == type).toList();
    }

    /**
     * ffmpeg copying a looped file sends the sequence header once, then the frames of each pass, and at the
     * end an end-of-sequence tag if the source has one: each payload byte-identical to its source tag.
     */
    private static void assertLoopedSource(List<MediaEvent> received, List<byte[]> source, int framesPerPass, String track) {
        assertThat(received.getFirst().payload()).as(track + " sequence header").isEqualTo(source.getFirst());
        int frames = received.size() - 1;
        boolean hasEnd = source.size() > framesPerPass + 1;
        if (hasEnd && Arrays.equals(received.getLast().payload(), source.getLast())) {
            frames--;
        }
        for (int k = 1; k <= frames; k++) {
            byte[] expected = source.get(1 + (k - 1) % framesPerPass);
            assertThat(received.get(k).payload()).as("%s message %d of %d", track, k, received.size()).isEqualTo(expected);
        }
    }
}

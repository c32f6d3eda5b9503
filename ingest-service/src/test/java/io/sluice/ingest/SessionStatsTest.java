package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.events.DecodedEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.SessionStarted;
import io.sluice.events.data.SessionStats;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Every 5 seconds a live session's figures go to the sessions topic. */
@QuarkusTest
class SessionStatsTest {

    @ConfigProperty(name = "sluice.ingest.rtmp.port")
    int rtmpPort;

    @Inject
    TestRegistry registry;

    @Test
    void statsDescribeTheStreamAsFfprobeDoes() {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        try (MediaLog sessions = new MediaLog(Topics.SESSIONS, stream.streamId());
                Ffmpeg ffmpeg = Ffmpeg.publishLive(TestMedia.testsrcClip(), "rtmp://localhost:" + rtmpPort + "/live/" + stream.key())) {
            List<DecodedEvent> events = sessions.awaitEvent(e -> MediaLog.is(e, SessionStats.class)
                    && MediaLog.data(e, SessionStats.class).windowMillis() >= 4000, Duration.ofSeconds(15));

            assertThat(MediaLog.is(events.getFirst(), SessionStarted.class)).isTrue();
            SessionStats stats = MediaLog.data(events.getLast(), SessionStats.class);
            // The clip: H.264 320x240 at 25 fps with a keyframe every 25 frames, AAC stereo 44.1 kHz, ~260 kbit/s.
            assertThat(stats.videoCodec()).isEqualTo("avc1");
            assertThat(stats.width()).isEqualTo(320);
            assertThat(stats.height()).isEqualTo(240);
            assertThat(stats.videoFrameRate()).isBetween(20.0, 30.0);
            // 1000 ms within the clip; ffmpeg's loop seam brings one keyframe closer, so the average dips below.
            assertThat(stats.keyframeIntervalMillis()).isBetween(700L, 1000L);
            assertThat(stats.audioCodec()).isEqualTo("mp4a");
            assertThat(stats.audioSampleRate()).isEqualTo(44100);
            assertThat(stats.audioChannels()).isEqualTo(2);
            assertThat(stats.bitrateKbps()).isBetween(150L, 500L);
            assertThat(stats.tenant()).isEqualTo("acme");
        }
    }
}

package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sluice.events.data.SessionEnded;
import io.sluice.ingest.support.Metrics;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** RTMPS-only mode refuses plain RTMP at connect, before a key is sent, and says where to go instead. */
@QuarkusTest
@TestProfile(RtmpsOnlyProfile.class)
class RtmpsOnlyTest {

    @ConfigProperty(name = "sluice.ingest.rtmp.port")
    int rtmpPort;

    @ConfigProperty(name = "sluice.ingest.rtmps.port")
    int rtmpsPort;

    @Inject
    TestRegistry registry;

    @Test
    void plainRtmpIsRefusedWithWhereToPublish() {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        double before = Metrics.refusals("connect_rejected");
        try (MediaLog log = new MediaLog(stream.streamId());
                Ffmpeg ffmpeg = Ffmpeg.publishOnce(TestMedia.testsrcClip(), "rtmp://localhost:" + rtmpPort + "/live/" + stream.key())) {
            assertThat(ffmpeg.awaitExit(Duration.ofSeconds(10))).isNotZero();
            assertThat(ffmpeg.output()).contains("accepts RTMPS only").contains("rtmps://ingest.example.com/live");
        }
        assertThat(Metrics.refusals("connect_rejected")).isEqualTo(before + 1);
    }

    @Test
    void rtmpsStillWorks() {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        try (MediaLog log = new MediaLog(stream.streamId());
                Ffmpeg ffmpeg = Ffmpeg.publishOnce(TestMedia.testsrcClip(), "rtmps://localhost:" + rtmpsPort + "/live/" + stream.key())) {
            assertThat(ffmpeg.awaitExit(Duration.ofSeconds(30))).as(ffmpeg.output()).isZero();
            assertThat(log.awaitSessionEnded(Duration.ofSeconds(10))).anyMatch(e -> MediaLog.is(e, SessionEnded.class));
        }
    }
}

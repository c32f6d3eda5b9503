package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sluice.events.Topics;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.ingest.support.Metrics;
import io.sluice.stack.component.KafkaBroker;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import io.sluice.testkit.TestStack;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Kafka away longer than the grace: the session ends with backend_unavailable, and that end is not lost. */
@QuarkusTest
@TestProfile(ShortKafkaGraceProfile.class)
class KafkaUnavailableTest {

    @ConfigProperty(name = "sluice.ingest.rtmp.port")
    int rtmpPort;

    @Inject
    TestRegistry registry;

    @Test
    void theSessionEndsWithBackendUnavailable() throws Exception {
        KafkaBroker kafka = TestStack.get().stack().kafka();
        RegistryWriter.TestStream stream = registry.createStream("acme");
        double failures = Metrics.counter("sluice_ingest_kafka_produce_failures_total", "topic", Topics.MEDIA);
        try (MediaLog log = new MediaLog(stream.streamId());
                Ffmpeg ffmpeg = Ffmpeg.publishLive(TestMedia.testsrcClip(), "rtmp://localhost:" + rtmpPort + "/live/" + stream.key())) {
            log.awaitEvent(e -> MediaLog.is(e, SessionStarted.class), Duration.ofSeconds(10));

            kafka.down();
            try {
                assertThat(ffmpeg.awaitExit(Duration.ofSeconds(20))).as("the ingest lets the encoder go").isNotNegative();
            } finally {
                kafka.up();
            }

            SessionEnded ended = MediaLog.data(log.awaitSessionEnded(Duration.ofSeconds(30)).getLast(), SessionEnded.class);
            assertThat(ended.reason()).isEqualTo(EndReason.BACKEND_UNAVAILABLE);
        }
        assertThat(Metrics.value("sluice_ingest_kafka_produce_failures_total", "topic", Topics.MEDIA))
                .as("the media Kafka did not take, counted for its topic").isGreaterThan(failures);
    }
}

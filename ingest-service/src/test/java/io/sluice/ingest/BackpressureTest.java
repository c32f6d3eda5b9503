package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sluice.events.DecodedEvent;
import io.sluice.events.MediaEvent;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.SessionEnded;
import io.sluice.ingest.support.Metrics;
import io.sluice.stack.component.KafkaBroker;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import io.sluice.testkit.TestStack;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * When Kafka does not take the media, the ingest stops reading the socket (the encoder sees a slow
 * network), memory stays within the budget, and once Kafka is back everything arrives.
 */
@QuarkusTest
@TestProfile(SmallKafkaBufferProfile.class)
class BackpressureTest {

    /** 30 MB of media: more than the kernel's socket buffers hold, so the encoder really waits. */
    private static final int PASSES = 400;
    /** The per-session budget (1 MiB) fills in well under a second at ffmpeg's pace; the bound is for a loaded machine. */
    private static final Duration PAUSE_BOUND = Duration.ofSeconds(30);
    /** How long the socket must stay unread to count as paused: far longer than ffmpeg ever waits between writes. */
    private static final Duration PAUSED_WINDOW = Duration.ofSeconds(2);

    @ConfigProperty(name = "sluice.ingest.rtmp.port")
    int rtmpPort;

    @Inject
    TestRegistry registry;

    @Test
    void aStalledBrokerPausesTheSocketAndLosesNothing() throws Exception {
        KafkaBroker kafka = TestStack.get().stack().kafka();
        RegistryWriter.TestStream stream = registry.createStream("acme");
        Path clip = TestMedia.testsrcClip();
        double pausesBefore = Metrics.counter("sluice_ingest_backpressure_pauses_total", "cause", "kafka");
        double pausedCountBefore = Metrics.value("sluice_ingest_backpressure_pause_seconds_count", "", "");
        double pausedSecondsBefore = Metrics.value("sluice_ingest_backpressure_pause_seconds_sum", "", "");
        try (MediaLog log = new MediaLog(stream.streamId())) {
            kafka.down();
            try (Ffmpeg ffmpeg = Ffmpeg.publishLoopedFast(clip, PASSES - 1, "rtmp://localhost:" + rtmpPort + "/live/" + stream.key())) {
                Awaitility.await("the socket is paused for Kafka").atMost(PAUSE_BOUND).pollInterval(Duration.ofMillis(100))
                        .until(() -> Metrics.counter("sluice_ingest_backpressure_pauses_total", "cause", "kafka") > pausesBefore);
                // Paused, the socket is not read: the bytes read stand still for a whole window (a read under
                // way when the pause came may still land, so the window may start a little later).
                double[] read = {-1};
                Awaitility.await("nothing read while paused").during(PAUSED_WINDOW).atMost(PAUSED_WINDOW.plus(PAUSE_BOUND))
                        .pollInterval(Duration.ofMillis(100)).until(() -> {
                            double now = Metrics.value("sluice_ingest_bytes_in_total", "protocol", "rtmp");
                            boolean still = now == read[0];
                            read[0] = now;
                            return still;
                        });

                assertThat(ffmpeg.isAlive()).as("the encoder is held back, not finished").isTrue();
                assertThat(Metrics.value("sluice_ingest_kafka_inflight_bytes", "", ""))
                        .as("memory bounded by the session's budget plus one read")
                        .isLessThanOrEqualTo(SmallKafkaBufferProfile.PER_SESSION + 256 * 1024);

                kafka.up();
                assertThat(ffmpeg.awaitExit(Duration.ofSeconds(60))).as(ffmpeg.output()).isZero();
            }
            assertThat(Metrics.value("sluice_ingest_backpressure_pause_seconds_count", "", ""))
                    .as("every pause that ended is timed").isGreaterThan(pausedCountBefore);
            assertThat(Metrics.value("sluice_ingest_backpressure_pause_seconds_sum", "", "") - pausedSecondsBefore)
                    .as("the socket stayed paused while the broker was down").isGreaterThan(2.0);
            List<DecodedEvent> events = log.awaitSessionEnded(Duration.ofSeconds(30));
            List<MediaEvent> media = events.stream().filter(e -> e instanceof DecodedEvent.Media)
                    .map(e -> ((DecodedEvent.Media) e).event()).toList();
            assertThat(MediaLog.data(events.getLast(), SessionEnded.class).reason()).isEqualTo(EndReason.CLIENT_CLOSED);
            // Every pass of 75 video and 131 audio frames, plus two sequence headers, the end of sequence and onMetaData.
            assertThat(media).hasSize(PASSES * (75 + 131) + 4);
            assertThat(media).extracting(MediaEvent::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, media.size()).boxed().toList());
        } finally {
            if (kafka.status().pid() == 0) {
                kafka.up();
            }
        }
    }
}

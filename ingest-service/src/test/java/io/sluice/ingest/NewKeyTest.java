package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sluice.events.DecodedEvent;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.ingest.registry.StreamKeyRegistry;
import io.sluice.ingest.support.Metrics;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A script that starts its encoder the moment auth-service hands out a new key can reach the ingest before
 * the key does. The publish waits for the key instead of being refused: the test writes the key to the
 * registry only once a real ffmpeg's publish is waiting for it. Without the wait, ffmpeg would be told
 * "invalid stream key" and the ingest would never wait for a key.
 */
@QuarkusTest
@TestProfile(LongNewKeyWaitProfile.class)
class NewKeyTest {

    /** For a loaded machine to start ffmpeg, publish and send the short clip. */
    private static final Duration PUBLISH_BOUND = Duration.ofSeconds(30);

    @ConfigProperty(name = "sluice.ingest.rtmps.port")
    int rtmpsPort;

    @Inject
    TestRegistry registry;

    @Inject
    StreamKeyRegistry keys;

    @Test
    void aKeyThatArrivesWhileItsPublishWaitsIsAcceptedAndCountsNoFailure() {
        RegistryWriter.TestStream stream = RegistryWriter.unwritten("acme", 60);
        double arrivedBefore = Metrics.counter("sluice_ingest_publish_key_waits_total", "outcome", "arrived");
        Map<String, Double> refusalsBefore = Metrics.refusalsByReason();

        try (MediaLog log = new MediaLog(stream.streamId());
                Ffmpeg ffmpeg = Ffmpeg.publishOnce(TestMedia.testsrcClip(),
                        "rtmps://localhost:" + rtmpsPort + "/live/" + stream.key())) {
            Awaitility.await("ffmpeg's publish waits for its key").atMost(PUBLISH_BOUND)
                    .pollInterval(Duration.ofMillis(10)).until(() -> keys.awaitedKeys() == 1);
            assertThat(Metrics.value("sluice_ingest_publish_awaiting_key", "", "")).isEqualTo(1);
            registry.update(stream.entry());

            assertThat(ffmpeg.awaitExit(PUBLISH_BOUND)).as(ffmpeg.output()).isZero();
            List<DecodedEvent> events = log.awaitSessionEnded(Duration.ofSeconds(10));
            assertThat(MediaLog.is(events.getFirst(), SessionStarted.class)).as("first event").isTrue();
            SessionEnded ended = MediaLog.data(events.getLast(), SessionEnded.class);
            assertThat(ended.videoFrames()).as("every frame of the clip").isEqualTo(77);
            assertThat(ended.audioFrames()).isEqualTo(132);
        }
        assertThat(Metrics.counter("sluice_ingest_publish_key_waits_total", "outcome", "arrived")).isEqualTo(arrivedBefore + 1);
        assertThat(Metrics.refusalsSince(refusalsBefore)).as("no refusal, so no failure against the address").isEmpty();
        assertThat(keys.awaitedKeys()).isZero();
    }
}

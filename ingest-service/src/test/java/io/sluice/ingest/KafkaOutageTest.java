package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.media.event.DecodedEvent;
import io.sluice.media.event.MediaEvent;
import io.sluice.media.event.data.EndReason;
import io.sluice.media.event.data.SessionEnded;
import io.sluice.media.event.data.SessionStarted;
import io.sluice.stack.component.KafkaBroker;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import io.sluice.testkit.TestStack;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The real broker stopped and started again under a live stream: nothing lost, duplicated or reordered. */
@QuarkusTest
class KafkaOutageTest {

    @ConfigProperty(name = "sluice.ingest.rtmp.port")
    int rtmpPort;

    @Inject
    TestRegistry registry;

    @Test
    void aBrokerBackWithinTheGraceLosesNothing() throws Exception {
        KafkaBroker kafka = TestStack.get().stack().kafka();
        RegistryWriter.TestStream stream = registry.createStream("acme");
        try (MediaLog log = new MediaLog(stream.streamId());
                Ffmpeg ffmpeg = Ffmpeg.publishLive(TestMedia.testsrcClip(), "rtmp://localhost:" + rtmpPort + "/live/" + stream.key())) {
            log.awaitEvent(e -> MediaLog.is(e, SessionStarted.class), Duration.ofSeconds(10));
            Thread.sleep(1000);

            kafka.down();
            Thread.sleep(5000);
            kafka.up();
            Thread.sleep(3000);
            ffmpeg.close();

            List<DecodedEvent> events = log.awaitSessionEnded(Duration.ofSeconds(30));
            List<MediaEvent> media = events.stream().filter(e -> e instanceof DecodedEvent.Media)
                    .map(e -> ((DecodedEvent.Media) e).event()).toList();

            assertThat(MediaLog.data(events.getLast(), SessionEnded.class).reason()).isEqualTo(EndReason.CLIENT_CLOSED);
            assertThat(media).as("8 s or more of a 25 fps stream").hasSizeGreaterThan(300);
            assertThat(media).extracting(MediaEvent::sequence)
                    .as("every message exactly once, in order")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, media.size()).boxed().toList());
        }
    }
}

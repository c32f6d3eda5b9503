package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.events.DecodedEvent;
import io.sluice.events.EventCodec;
import io.sluice.events.StructuredEvent;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A stream key, good or bad, appears in no log line and in no event; logs name the stream id instead. */
@QuarkusTest
class KeyHygieneTest {

    @ConfigProperty(name = "sluice.ingest.rtmps.port")
    int rtmpsPort;

    @ConfigProperty(name = "quarkus.log.file.path")
    String logFile;

    @Inject
    TestRegistry registry;

    @Test
    void keysAreNeverLoggedNorPutInEvents() throws Exception {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        String wrongKey = RegistryWriter.newKey();
        List<DecodedEvent> events;
        try (MediaLog log = new MediaLog(stream.streamId())) {
            try (Ffmpeg good = Ffmpeg.publishOnce(TestMedia.testsrcClip(), "rtmps://localhost:" + rtmpsPort + "/live/" + stream.key())) {
                assertThat(good.awaitExit(Duration.ofSeconds(30))).isZero();
            }
            try (Ffmpeg bad = Ffmpeg.publishOnce(TestMedia.testsrcClip(), "rtmps://localhost:" + rtmpsPort + "/live/" + wrongKey)) {
                assertThat(bad.awaitExit(Duration.ofSeconds(30))).isNotZero();
            }
            events = log.awaitSessionEnded(Duration.ofSeconds(10));
        }
        Thread.sleep(500);
        String logged = Files.readString(Path.of(logFile), StandardCharsets.UTF_8);

        assertThat(logged).contains("stream " + stream.streamId() + ": session").doesNotContain(stream.key())
                .doesNotContain(wrongKey).contains("publish refused (bad_key)");
        for (DecodedEvent event : events) {
            if (event instanceof DecodedEvent.Structured s) {
                assertThat(new String(EventCodec.encode(new StructuredEvent(s.event().envelope(), s.event().data())).value(),
                        StandardCharsets.UTF_8)).doesNotContain(stream.key());
            }
        }
    }
}

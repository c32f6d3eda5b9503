package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.events.Topics;
import io.sluice.events.data.SessionStarted;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RawRtmpClient;
import io.sluice.testkit.RegistryWriter;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What an encoder calls itself (connect's flashVer) travels in session.started to auth-service's database:
 * control characters are dropped and the length is capped before it goes anywhere, logs included.
 */
@QuarkusTest
class EncoderNameTest {

    @ConfigProperty(name = "sluice.ingest.rtmp.port")
    int rtmpPort;

    @ConfigProperty(name = "quarkus.log.file.path")
    String logFile;

    @Inject
    TestRegistry registry;

    @Test
    void aNameWithANulAndALineBreakOfAnyLengthIsCleanedAndCapped() throws Exception {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        String forged = "FMLE/3.0\u0000 (compatible)\nERROR [forged] log line" + "x".repeat(1000);
        try (MediaLog media = new MediaLog(stream.streamId()); MediaLog sessions = new MediaLog(Topics.SESSIONS, stream.streamId());
                RawRtmpClient client = RawRtmpClient.connectAs("rtmp://localhost:" + rtmpPort + "/live/" + stream.key(), forged)) {
            client.awaitPublishing(Duration.ofSeconds(5));

            String expected = ("FMLE/3.0 (compatible)ERROR [forged] log line" + "x".repeat(1000)).substring(0, 256);
            for (MediaLog log : new MediaLog[] {media, sessions}) {
                SessionStarted started = MediaLog.data(log.awaitEvent(e -> MediaLog.is(e, SessionStarted.class),
                        Duration.ofSeconds(5)).getFirst(), SessionStarted.class);
                assertThat(started.encoder()).isEqualTo(expected).hasSize(256);
            }
        }
        String logged = Awaitility.await("the session's start is logged").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50)).until(() -> Files.readString(Path.of(logFile), StandardCharsets.UTF_8),
                        text -> text.contains("(FMLE/3.0 (compatible)ERROR [forged] log line"));
        assertThat(logged)
                .doesNotContain("\nERROR [forged]")
                .doesNotContain("\u0000");
    }
}

package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sluice.events.DecodedEvent;
import io.sluice.events.EventCodec;
import io.sluice.events.StreamKeyHash;
import io.sluice.events.StreamKeyRedaction;
import io.sluice.events.StructuredEvent;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A stream key, good or bad, appears in no log line and in no event, with the ingest logging at DEBUG; logs
 * name the stream id instead, and a key that reaches a log line anyway is redacted as auth-service does.
 */
@QuarkusTest
@TestProfile(DebugLoggingProfile.class)
class KeyHygieneTest {

    /** The file handler writes a line within milliseconds; the bound is for a loaded machine. */
    private static final Duration LOG_BOUND = Duration.ofSeconds(10);

    @ConfigProperty(name = "sluice.ingest.rtmps.port")
    int rtmpsPort;

    @ConfigProperty(name = "quarkus.log.file.path")
    String logFile;

    @Inject
    TestRegistry registry;

    @Test
    void keysAreNeverLoggedNorPutInEvents() {
        RegistryWriter.TestStream created = registry.createStream("acme");
        // A key in the platform's own format, as auth-service issues them.
        String key = StreamKeyRedaction.KEY_PREFIX + RegistryWriter.newKey();
        StreamKeyEntry entry = created.next(StreamKeyEntry.Status.ENABLED, StreamKeyHash.of(key));
        registry.update(entry);
        String wrongKey = StreamKeyRedaction.KEY_PREFIX + RegistryWriter.newKey();
        List<DecodedEvent> events;
        try (MediaLog log = new MediaLog(entry.streamId())) {
            try (Ffmpeg good = Ffmpeg.publishOnce(TestMedia.testsrcClip(), "rtmps://localhost:" + rtmpsPort + "/live/" + key)) {
                assertThat(good.awaitExit(Duration.ofSeconds(30))).as(good.output()).isZero();
            }
            try (Ffmpeg bad = Ffmpeg.publishOnce(TestMedia.testsrcClip(), "rtmps://localhost:" + rtmpsPort + "/live/" + wrongKey)) {
                assertThat(bad.awaitExit(Duration.ofSeconds(30))).isNotZero();
            }
            events = log.awaitSessionEnded(Duration.ofSeconds(10));
        }
        String sessionId = MediaLog.data(events.getLast(), SessionEnded.class).sessionId();
        String logged = awaitLogged("session " + sessionId + " ended");

        assertThat(logged).as("the ingest logs at DEBUG").contains("DEBUG").contains("connected to 'live'");
        assertThat(logged).contains("stream " + entry.streamId() + ": session").doesNotContain(key).doesNotContain(wrongKey)
                .contains("publish refused (bad_key)");
        for (DecodedEvent event : events) {
            if (event instanceof DecodedEvent.Structured s) {
                assertThat(new String(EventCodec.encode(new StructuredEvent(s.event().envelope(), s.event().data())).value(),
                        StandardCharsets.UTF_8)).doesNotContain(key);
            }
        }
    }

    @Test
    void aKeyThatReachesALogLineIsRedacted() {
        String key = StreamKeyRedaction.KEY_PREFIX + RegistryWriter.newKey();
        String marker = "redaction check " + RegistryWriter.newKey();
        Logger.getLogger(KeyHygieneTest.class).infof("%s: a key where it does not belong: %s", marker, key);

        String logged = awaitLogged(marker);

        assertThat(logged).doesNotContain(key).contains(marker + ": a key where it does not belong: sluice_sk_<redacted>");
    }

    /** The log file once it holds {@code line}. */
    private String awaitLogged(String line) {
        return Awaitility.await("the log holds '" + line + "'").atMost(LOG_BOUND).pollInterval(Duration.ofMillis(50))
                .until(this::readLog, text -> text.contains(line));
    }

    private String readLog() {
        try {
            return Files.readString(Path.of(logFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.events.DecodedEvent;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.ingest.support.ServerStatus;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Disabling, rotating or deleting a key ends the live session that uses it within a second, with the reason,
 * and the encoder is told why with an error status.
 */
@QuarkusTest
class RevocationTest {

    @ConfigProperty(name = "sluice.ingest.rtmps.port")
    int rtmpsPort;

    @Inject
    TestRegistry registry;

    @ParameterizedTest
    @EnumSource(Revocation.class)
    void theLiveSessionEndsWithinASecond(Revocation revocation) {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        try (MediaLog log = new MediaLog(stream.streamId());
                Ffmpeg ffmpeg = Ffmpeg.publishLive(TestMedia.testsrcClip(),
                        "rtmps://localhost:" + rtmpsPort + "/live/" + stream.key())) {
            log.awaitEvent(e -> MediaLog.is(e, SessionStarted.class), Duration.ofSeconds(10));
            Instant changed = Instant.now();
            revocation.apply(registry, stream, false);

            List<DecodedEvent> events = log.awaitSessionEnded(Duration.ofSeconds(5));
            SessionEnded ended = MediaLog.data(events.getLast(), SessionEnded.class);

            assertThat(ended.reason()).isEqualTo(revocation.reason);
            assertThat(Duration.between(changed, ended.endedAt())).isLessThan(Duration.ofSeconds(1));
            ServerStatus.assertToldToStop(ffmpeg, revocation.told);
        }
    }
}

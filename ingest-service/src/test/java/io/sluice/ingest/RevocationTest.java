package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.events.DecodedEvent;
import io.sluice.events.StreamKeyHash;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.ingest.support.ServerStatus;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    static Stream<Arguments> revocations() {
        BiConsumer<TestRegistry, RegistryWriter.TestStream> disable = (r, s) ->
                r.write(s.next(StreamKeyEntry.Status.DISABLED, s.entry().keyHash()));
        BiConsumer<TestRegistry, RegistryWriter.TestStream> rotate = (r, s) ->
                r.write(s.next(StreamKeyEntry.Status.ENABLED, StreamKeyHash.of(RegistryWriter.newKey())));
        BiConsumer<TestRegistry, RegistryWriter.TestStream> delete = (r, s) -> r.delete(s.streamId());
        return Stream.of(
                Arguments.of("disable", disable, EndReason.KEY_DISABLED, "the stream was disabled"),
                Arguments.of("rotate", rotate, EndReason.KEY_ROTATED, "the stream key was rotated"),
                Arguments.of("delete", delete, EndReason.KEY_DELETED, "the stream was deleted"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("revocations")
    void theLiveSessionEndsWithinASecond(String name, BiConsumer<TestRegistry, RegistryWriter.TestStream> change,
            EndReason reason, String told) {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        try (MediaLog log = new MediaLog(stream.streamId());
                Ffmpeg ffmpeg = Ffmpeg.publishLive(TestMedia.testsrcClip(),
                        "rtmps://localhost:" + rtmpsPort + "/live/" + stream.key())) {
            log.awaitEvent(e -> MediaLog.is(e, SessionStarted.class), Duration.ofSeconds(10));
            Instant changed = Instant.now();
            change.accept(registry, stream);

            List<DecodedEvent> events = log.awaitSessionEnded(Duration.ofSeconds(5));
            SessionEnded ended = MediaLog.data(events.getLast(), SessionEnded.class);

            assertThat(ended.reason()).isEqualTo(reason);
            assertThat(Duration.between(changed, ended.endedAt())).isLessThan(Duration.ofSeconds(1));
            ServerStatus.assertToldToStop(ffmpeg, told);
        }
    }
}

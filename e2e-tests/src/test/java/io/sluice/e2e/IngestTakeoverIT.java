package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.DecodedEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.stack.Stack;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import io.sluice.testkit.TestStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * One publisher per stream across instances: two packaged ingest instances on one Kafka, ffmpeg publishing
 * a key to the first and then the same key to the second. The first session ends with takeover, the
 * second keeps publishing, and the sessions topic tells it in that order.
 */
class IngestTakeoverIT {

    @Test
    void aPublishOnAnotherInstanceEndsTheFirstSessionWithTakeover() {
        Stack stack = TestStack.get().stack();
        IngestInstance a = IngestInstance.of(stack, "ingest-a", Map.of());
        IngestInstance b = IngestInstance.of(stack, "ingest-b", Map.of());
        try (RegistryWriter registry = new RegistryWriter()) {
            RegistryWriter.TestStream stream = registry.create("acme");
            a.service().up();
            b.service().up();
            try (MediaLog sessions = new MediaLog(Topics.SESSIONS, stream.streamId());
                    MediaLog media = new MediaLog(stream.streamId());
                    Ffmpeg onA = Ffmpeg.publishLive(TestMedia.testsrcClip(), a.url(stream.key()))) {
                SessionStarted startedA = started(sessions.awaitEvent(startedOn("ingest-a"), Duration.ofSeconds(15)), "ingest-a");
                try (Ffmpeg onB = Ffmpeg.publishLive(TestMedia.testsrcClip(), b.url(stream.key()))) {
                    List<DecodedEvent> lifecycle = sessions.awaitEvent(e -> MediaLog.isSessionEnded(e), Duration.ofSeconds(15));
                    SessionStarted startedB = started(lifecycle, "ingest-b");
                    SessionEnded endedA = MediaLog.data(lifecycle.getLast(), SessionEnded.class);

                    assertThat(endedA.sessionId()).isEqualTo(startedA.sessionId());
                    assertThat(endedA.reason()).isEqualTo(EndReason.TAKEOVER);
                    assertThat(endedA.detail()).contains("ingest-b");
                    assertThat(lifecycle.stream().filter(startedOn("ingest-b")).count())
                            .as("B's start is on the sessions topic before A's end").isOne();
                    assertThat(onA.awaitExit(Duration.ofSeconds(10))).as("the encoder on A is let go").isNotNegative();

                    media.awaitEvent(e -> e instanceof DecodedEvent.Media m && m.event().sessionId().equals(startedB.sessionId())
                            && m.event().sequence() >= 150, Duration.ofSeconds(20));
                    assertThat(onB.isAlive()).as("the encoder on B carries on").isTrue();
                    assertThat(sessions.eventsWithin(Duration.ofSeconds(1))).filteredOn(MediaLog::isSessionEnded)
                            .extracting(e -> MediaLog.data(e, SessionEnded.class).sessionId())
                            .as("only A's session ended").containsExactly(startedA.sessionId());
                }
            }
        } finally {
            a.service().down();
            b.service().down();
        }
    }

    private static Predicate<DecodedEvent> startedOn(String instance) {
        return e -> MediaLog.is(e, SessionStarted.class) && MediaLog.data(e, SessionStarted.class).ingestInstance().equals(instance);
    }

    private static SessionStarted started(List<DecodedEvent> events, String instance) {
        return MediaLog.data(events.stream().filter(startedOn(instance)).findFirst().orElseThrow(), SessionStarted.class);
    }
}

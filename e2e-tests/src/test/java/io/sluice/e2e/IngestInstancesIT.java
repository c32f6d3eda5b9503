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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two packaged ingest instances on one host, started with no instance id: each gets one of its own, the
 * second's start does not end the first's live session, and when the first is killed with SIGKILL (no
 * chance to end anything) the second ends its session as {@code ingest_lost} once its stats stop.
 */
class IngestInstancesIT {

    private static final Duration STATS_INTERVAL = Duration.ofSeconds(1);
    private static final int LOST_AFTER_INTERVALS = 3;
    /** How long a silent peer session lasts before it is ended: the configured intervals, and the once-a-second check. */
    private static final Duration LOST_AFTER = STATS_INTERVAL.multipliedBy(LOST_AFTER_INTERVALS).plusSeconds(1);

    /** An instance with no instance id configured (an empty one leaves it to the default). */
    private static IngestInstance unnamed(Stack stack, String name) {
        return IngestInstance.of(stack, name, Map.of(
                "SLUICE_INGEST_INSTANCE_ID", "",
                "SLUICE_INGEST_STATS_INTERVAL", STATS_INTERVAL.toSeconds() + "s",
                "SLUICE_INGEST_STATS_LOST_AFTER_INTERVALS", Integer.toString(LOST_AFTER_INTERVALS)));
    }

    @Test
    void instancesWithoutConfigurationKeepToTheirOwnSessionsAndASurvivorEndsADeadOnes() throws Exception {
        Stack stack = TestStack.get().stack();
        IngestInstance a = unnamed(stack, "ingest-unnamed-a");
        IngestInstance b = unnamed(stack, "ingest-unnamed-b");
        try (RegistryWriter registry = new RegistryWriter()) {
            RegistryWriter.TestStream onA = registry.create("acme");
            RegistryWriter.TestStream onB = registry.create("acme");
            a.service().up();
            try (MediaLog sessionsA = new MediaLog(Topics.SESSIONS, onA.streamId());
                    MediaLog sessionsB = new MediaLog(Topics.SESSIONS, onB.streamId());
                    Ffmpeg publisherA = Ffmpeg.publishLive(TestMedia.testsrcClip(), a.url(onA.key()))) {
                SessionStarted startedA = MediaLog.data(sessionsA.awaitEvent(e -> MediaLog.is(e, SessionStarted.class),
                        Duration.ofSeconds(20)).getFirst(), SessionStarted.class);

                b.service().up();
                try (Ffmpeg publisherB = Ffmpeg.publishLive(TestMedia.testsrcClip(), b.url(onB.key()))) {
                    SessionStarted startedB = MediaLog.data(sessionsB.awaitEvent(e -> MediaLog.is(e, SessionStarted.class),
                            Duration.ofSeconds(20)).getFirst(), SessionStarted.class);
                    assertThat(startedA.ingestInstance()).as("ids unique per process").isNotEqualTo(startedB.ingestInstance());
                    // B is up and publishing: its start-up sweep is long done. Over the time a silent session
                    // would take to be ended, A's live one is not.
                    assertThat(sessionsA.eventsWithin(LOST_AFTER.plusSeconds(2))).as("A's session goes on beside B")
                            .noneMatch(MediaLog::isSessionEnded);

                    ProcessHandle processA = ProcessHandle.of(a.service().status().pid()).orElseThrow();
                    processA.destroyForcibly();
                    assertThat(processA.onExit()).succeedsWithin(Duration.ofSeconds(10));

                    SessionEnded lost = MediaLog.data(sessionsA.awaitEvent(MediaLog::isSessionEnded,
                            LOST_AFTER.plusSeconds(20)).getLast(), SessionEnded.class);
                    assertThat(lost.sessionId()).isEqualTo(startedA.sessionId());
                    assertThat(lost.reason()).isEqualTo(EndReason.INGEST_LOST);
                    assertThat(lost.detail()).contains(startedA.ingestInstance());
                    assertThat(publisherB.isAlive()).as("B's encoder carries on").isTrue();
                    assertThat(sessionsB.eventsWithin(Duration.ZERO)).noneMatch(MediaLog::isSessionEnded);
                }
            }
        } finally {
            a.service().down();
            b.service().down();
        }
    }
}

package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sluice.events.DecodedEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.SessionEnded;
import io.sluice.testkit.MediaLog;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A restarted instance ends the sessions it left open when it died, and only those. */
@QuarkusTest
@TestProfile(CrashedInstanceProfile.class)
class LostSessionTest {

    @Test
    void sessionsLeftOpenByAnEarlierRunEndAsIngestLost() {
        try (MediaLog lost = MediaLog.fromBeginning(Topics.SESSIONS, CrashedInstanceProfile.LOST_STREAM);
                MediaLog media = MediaLog.fromBeginning(Topics.MEDIA, CrashedInstanceProfile.LOST_STREAM)) {
            // Ended by the start-up sweep (another instance of the suite may also end it later, as silent).
            Predicate<DecodedEvent> sweptAtStart = e -> MediaLog.isSessionEnded(e)
                    && MediaLog.data(e, SessionEnded.class).detail().contains("stopped without ending");
            SessionEnded ended = MediaLog.data(lost.awaitEvent(sweptAtStart, Duration.ofSeconds(20)).stream().filter(sweptAtStart)
                    .findFirst().orElseThrow(), SessionEnded.class);

            assertThat(ended.reason()).isEqualTo(EndReason.INGEST_LOST);
            assertThat(ended.sessionId()).startsWith("ss_lost");
            assertThat(ended.detail()).contains(CrashedInstanceProfile.INSTANCE);
            assertThat(ended.bytesIn()).as("from the session's last stats").isEqualTo(CrashedInstanceProfile.LOST_BYTES_IN);
            assertThat(media.awaitSessionEnded(Duration.ofSeconds(10))).as("the media log is closed too")
                    .anyMatch(MediaLog::isSessionEnded);
        }
    }

    @Test
    void sessionsThatEndedAndOtherInstancesSessionsAreLeftAlone() {
        for (String stream : List.of(CrashedInstanceProfile.ENDED_STREAM, CrashedInstanceProfile.PEER_STREAM)) {
            try (MediaLog log = MediaLog.fromBeginning(Topics.SESSIONS, stream)) {
                List<DecodedEvent> events = log.eventsWithin(Duration.ofSeconds(3));

                assertThat(events).as(stream).isNotEmpty();
                // The start-up sweep ends only this instance's own sessions. (Another instance's session with no
                // stats is ended once stats.lost-after-intervals pass, by whichever instance runs then: that
                // end says its instance sent nothing, IngestInstancesIT proves it.)
                assertThat(events).filteredOn(MediaLog::isSessionEnded)
                        .allSatisfy(e -> assertThat(MediaLog.data(e, SessionEnded.class).detail()).doesNotContain("stopped without ending"));
                if (stream.equals(CrashedInstanceProfile.ENDED_STREAM)) {
                    assertThat(events).filteredOn(MediaLog::isSessionEnded).allSatisfy(e ->
                            assertThat(MediaLog.data(e, SessionEnded.class).reason()).isNotEqualTo(EndReason.INGEST_LOST));
                }
            }
        }
    }
}

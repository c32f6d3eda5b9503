package io.sluice.auth.domain;

import io.sluice.auth.storage.StreamSessionRepository;
import io.sluice.events.data.EventData;
import io.sluice.events.data.RecordingData;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.events.data.SessionStats;
import io.sluice.events.data.SimulcastTargetStatus;
import io.sluice.events.data.StreamKeyEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Keeps the session history from the session events. A stream's status is derived from it when read (see
 * {@link LiveStreamState}), so nothing has to flip a stream back to idle when its reconnect window passes.
 */
@ApplicationScoped
public class SessionLedger {

    /** What became of an event. */
    public enum Outcome {
        STORED,
        /** The stream is not ours or was deleted, or the event is older than what is stored (stats). */
        UNCHANGED,
        /** Not a session event. */
        IGNORED
    }

    private final StreamSessionRepository sessions;

    SessionLedger(StreamSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Transactional
    public Outcome apply(EventData event) {
        return switch (event) {
            case SessionStarted started -> outcome(sessions.applyStarted(started));
            case SessionStats stats -> outcome(sessions.applyStats(stats));
            case SessionEnded ended -> outcome(sessions.applyEnded(ended));
            case StreamKeyEntry entry -> Outcome.IGNORED;
            case RecordingData recording -> Outcome.IGNORED;
            case SimulcastTargetStatus target -> Outcome.IGNORED;
        };
    }

    private static Outcome outcome(boolean written) {
        return written ? Outcome.STORED : Outcome.UNCHANGED;
    }
}

package io.sluice.recording.domain;

import io.sluice.recording.storage.SessionRepository.RecordingSession;
import java.util.List;

/** A recording with its sessions and periods: what the API shows of one. */
public record RecordingDetails(Recording recording, List<RecordingSession> sessions, List<Period> periods) {

    public RecordingDetails {
        sessions = List.copyOf(sessions);
        periods = List.copyOf(periods);
    }
}

package io.sluice.recording.domain;

import java.util.List;

/**
 * The recording events, written into the outbox in the caller's transaction: each state change is published
 * once, after the change has committed.
 */
public interface RecordingEventOutbox {

    void started(Recording recording, String sessionId);

    void ready(Recording recording, List<Period> periods);

    void failed(Recording recording, String reason);

    void deleted(Recording recording);
}

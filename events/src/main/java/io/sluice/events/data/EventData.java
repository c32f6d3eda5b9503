package io.sluice.events.data;

import io.sluice.events.EventType;

/** The {@code data} of a structured (JSON) event: one record per control event type. */
public sealed interface EventData permits SessionStarted, SessionEnded, SessionStats, StreamKeyEntry, RecordingData,
        SimulcastTargetStatus {

    EventType type();

    /** The stream the event is about: also the record key and the envelope's subject. */
    String streamId();
}

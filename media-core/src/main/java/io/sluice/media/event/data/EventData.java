package io.sluice.media.event.data;

import io.sluice.media.event.EventType;

/** The {@code data} of a structured (JSON) event: one record per control event type. */
public sealed interface EventData permits SessionStarted, SessionEnded, SessionStats, StreamKeyEntry {

    EventType type();

    /** The stream the event is about: also the record key and the envelope's subject. */
    String streamId();
}

package io.sluice.events.data;

/** The data of the events on {@code sluice.recordings.v1}: each is about one recording of one stream. */
public sealed interface RecordingData extends EventData permits RecordingStarted, RecordingReady, RecordingFailed,
        RecordingDeleted {

    /** The recording's id ({@code rec_...}). */
    String recordingId();

    String tenant();
}

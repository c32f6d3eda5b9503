package io.sluice.events.data;

import io.sluice.events.EventType;
import java.util.Objects;

/** A recording was deleted (by its owner or by retention) and its storage freed. */
public record RecordingDeleted(String recordingId, String streamId, String tenant) implements RecordingData {

    public RecordingDeleted {
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(tenant, "tenant");
    }

    @Override
    public EventType type() {
        return EventType.RECORDING_DELETED;
    }
}

package io.sluice.events.data;

import io.sluice.events.EventType;
import java.util.Objects;

/**
 * A recording could not be completed and will not play on demand.
 *
 * @param reason a sentence for people (what failed, never a secret)
 */
public record RecordingFailed(String recordingId, String streamId, String tenant, String reason) implements RecordingData {

    public RecordingFailed {
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public EventType type() {
        return EventType.RECORDING_FAILED;
    }
}

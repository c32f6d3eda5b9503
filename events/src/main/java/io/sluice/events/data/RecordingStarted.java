package io.sluice.events.data;

import io.sluice.events.EventType;
import java.time.Instant;
import java.util.Objects;

/**
 * A session of a stream began a new recording (a session that comes back within the stream's reconnect
 * window continues the recording it left, and starts none).
 *
 * @param sessionId the session whose media the recording begins with
 * @param playbackUrl where the stream plays while it is live (HLS, by the stream's public playback id)
 */
public record RecordingStarted(String recordingId, String streamId, String tenant, String sessionId, String playbackUrl,
        Instant startedAt) implements RecordingData {

    public RecordingStarted {
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(playbackUrl, "playbackUrl");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    @Override
    public EventType type() {
        return EventType.RECORDING_STARTED;
    }
}

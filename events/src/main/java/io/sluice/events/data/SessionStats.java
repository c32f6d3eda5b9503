package io.sluice.events.data;

import io.sluice.events.EventType;
import java.time.Instant;
import java.util.Objects;

/**
 * A live session's figures over the last window (every 5 seconds by default), on {@code sluice.sessions.v1}.
 * Fields the stream does not have (no audio, say) are 0 or {@code null}.
 */
public record SessionStats(String streamId, String tenant, String sessionId, Instant at, long windowMillis,
        long bitrateKbps, double videoFrameRate, long keyframeIntervalMillis, String videoCodec, int width, int height,
        String audioCodec, int audioSampleRate, int audioChannels, long bytesIn) implements EventData {

    public SessionStats {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public EventType type() {
        return EventType.SESSION_STATS;
    }
}

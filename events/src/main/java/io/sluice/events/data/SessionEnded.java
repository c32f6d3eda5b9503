package io.sluice.events.data;

import io.sluice.events.EventType;
import java.time.Instant;
import java.util.Objects;

/**
 * A session is over: the last event of a session on {@code sluice.media.v1}, and on
 * {@code sluice.sessions.v1}, with what a session history shows.
 *
 * @param detail a human-readable explanation, never a secret
 * @param videoCodec the FourCC of the video ({@code avc1}, {@code hvc1}, ...), {@code null} if none came
 * @param audioCodec the FourCC of the audio ({@code mp4a}, {@code Opus}, ...), {@code null} if none came
 */
public record SessionEnded(String streamId, String tenant, String sessionId, EndReason reason, String detail,
        String clientAddress, Instant startedAt, Instant endedAt, long bytesIn, long videoFrames, long audioFrames,
        String videoCodec, String audioCodec) implements EventData {

    public SessionEnded {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(endedAt, "endedAt");
    }

    @Override
    public EventType type() {
        return EventType.SESSION_ENDED;
    }
}

package io.sluice.events.data;

import io.sluice.events.EventType;
import java.time.Instant;
import java.util.Objects;

/**
 * An encoder's publish was accepted: on {@code sluice.media.v1} before its first media event, and on
 * {@code sluice.sessions.v1}.
 *
 * @param protocol {@code rtmp} or {@code rtmps}
 * @param tlsVersion the negotiated TLS version for RTMPS ({@code TLSv1.3}), {@code null} for RTMP
 * @param encoder what the encoder calls itself (the connect command's flashVer), if it said
 */
public record SessionStarted(String streamId, String tenant, String sessionId, String ingestInstance,
        String clientAddress, String protocol, String tlsVersion, String encoder, Instant startedAt) implements EventData {

    public SessionStarted {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    @Override
    public EventType type() {
        return EventType.SESSION_STARTED;
    }
}

package io.sluice.events;

import java.util.Objects;

/**
 * A media event ({@code media.metadata}, {@code media.video}, {@code media.audio}, {@code media.data}) in
 * binary content mode: the payload is the FLV tag body exactly as the encoder sent it, legacy or Enhanced
 * RTMP, so a consumer can rebuild a byte-identical FLV.
 *
 * @param rtmpTimestamp the message's 32-bit RTMP timestamp, as sent (it wraps)
 * @param sequence per session, from 1, no gaps: a consumer detects loss or duplication with it
 */
public record MediaEvent(EventEnvelope envelope, String sessionId, long sequence, long rtmpTimestamp, byte[] payload) {

    public MediaEvent {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(payload, "payload");
        if (!envelope.type().isMedia()) {
            throw new IllegalArgumentException(envelope.type() + " is not a media event type");
        }
    }
}

package io.sluice.events.data;

import io.sluice.events.EventType;
import java.time.Instant;
import java.util.Objects;

/**
 * A simulcast target of a stream changed its status; the status is the event's type
 * ({@code io.sluice.simulcast.target.errored}, ...). It names the target by id and host, never by its key.
 *
 * @param passthrough the user's own text stored with the target, if any
 * @param host the host name of the target's URL ({@code a.rtmps.youtube.com})
 * @param at when the target reached this status
 * @param reason why: required for {@link Status#ERRORED} ({@code connection refused}, ...), optional otherwise
 */
public record SimulcastTargetStatus(String streamId, String tenant, String targetId, Status status, String passthrough,
        String host, Instant at, String reason) implements EventData {

    public enum Status {
        /** Connecting and publishing to the target. */
        STARTING(EventType.SIMULCAST_TARGET_STARTING),
        /** The target takes the stream. */
        BROADCASTING(EventType.SIMULCAST_TARGET_BROADCASTING),
        /** The target failed or dropped; it is retried. */
        ERRORED(EventType.SIMULCAST_TARGET_ERRORED),
        /** Not sending: the stream is not live, or the target is disabled. */
        IDLE(EventType.SIMULCAST_TARGET_IDLE);

        private final EventType type;

        Status(EventType type) {
            this.type = type;
        }

        public EventType type() {
            return type;
        }
    }

    public SimulcastTargetStatus {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(at, "at");
        if (status == Status.ERRORED && reason == null) {
            throw new IllegalArgumentException("an errored target says why");
        }
    }

    @Override
    public EventType type() {
        return status.type();
    }
}

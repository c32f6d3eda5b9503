package io.sluice.simulcast.domain;

import io.sluice.events.data.SimulcastTargetStatus;
import java.util.Locale;

/** Where a target stands, as the API and the events name it. */
public enum TargetStatus {
    /** Not sending: the stream is not live, or the target is disabled. */
    IDLE(SimulcastTargetStatus.Status.IDLE),
    /** Connecting and publishing. */
    STARTING(SimulcastTargetStatus.Status.STARTING),
    /** The target takes the stream. */
    BROADCASTING(SimulcastTargetStatus.Status.BROADCASTING),
    /** The target failed or dropped, and is retried. */
    ERRORED(SimulcastTargetStatus.Status.ERRORED);

    private final SimulcastTargetStatus.Status event;

    TargetStatus(SimulcastTargetStatus.Status event) {
        this.event = event;
    }

    public SimulcastTargetStatus.Status event() {
        return event;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TargetStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}

package io.sluice.simulcast.domain;

/** The caller may not do this; the reason picks the problem type. */
public final class AccessDeniedException extends RuntimeException {

    public enum Reason {
        NO_TENANT,
        INVALID_TENANT,
        NOT_A_STREAMER
    }

    private final Reason reason;

    public AccessDeniedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

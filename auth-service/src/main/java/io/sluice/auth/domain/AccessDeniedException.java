package io.sluice.auth.domain;

/** The caller is known but may not do this. */
public class AccessDeniedException extends RuntimeException {

    public enum Reason {
        /** The token names no tenant. */
        NO_TENANT,
        /** The token's tenant claim is not one usable tenant name (a list, say, or too long). */
        INVALID_TENANT,
        /** The token's subject cannot be recorded as a stream's creator: empty, too long, with control characters. */
        INVALID_SUBJECT,
        /** Creating and changing streams needs the streamer role. */
        NOT_A_STREAMER,
        /** Admins read other tenants' streams but do not change them. */
        OTHER_TENANT,
        /** Registry operations are for admins. */
        NOT_AN_ADMIN
    }

    private final Reason reason;

    public AccessDeniedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

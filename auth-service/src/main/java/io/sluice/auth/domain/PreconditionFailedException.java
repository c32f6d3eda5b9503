package io.sluice.auth.domain;

/** A change was asked for on the condition of a version the stream no longer (or never) had. */
public class PreconditionFailedException extends RuntimeException {

    private final long currentVersion;

    public PreconditionFailedException(String id, long currentVersion) {
        super("Live stream " + id + " is at version " + currentVersion + ", not the one If-Match names", null, false, false);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}

package io.sluice.auth.storage;

/** A session event that can never be stored as it is, however often it is tried. */
public class UnstorableEventException extends RuntimeException {

    public UnstorableEventException(String message) {
        super(message, null, false, false);
    }
}

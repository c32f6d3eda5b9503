package io.sluice.simulcast.domain;

/** No such target, or no such stream, for this caller: another tenant's is not found either. */
public final class TargetNotFoundException extends RuntimeException {

    public TargetNotFoundException(String message) {
        super(message);
    }
}

package io.sluice.simulcast.domain;

/** The stream has as many targets as it may have. */
public final class TooManyTargetsException extends RuntimeException {

    public TooManyTargetsException(String message) {
        super(message);
    }
}

package io.sluice.recording.domain;

/** A query parameter is malformed or out of range; {@link #field()} names it. */
public final class InvalidParameterException extends RuntimeException {

    private final String field;

    public InvalidParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

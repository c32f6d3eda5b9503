package io.sluice.simulcast.domain;

/** A field of a target request is not valid; {@code field} is its name in the request body. */
public final class InvalidTargetException extends RuntimeException {

    private final String field;

    public InvalidTargetException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

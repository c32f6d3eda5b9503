package io.sluice.auth.domain;

/** A request parameter that the domain rejects (a cursor it did not issue, say), named as the API names it. */
public class InvalidParameterException extends RuntimeException {

    private final String field;

    public InvalidParameterException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

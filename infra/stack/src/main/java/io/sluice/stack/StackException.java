package io.sluice.stack;

/**
 * A problem the person running the stack can act on. The message is one line, printed as is, without a
 * stack trace; {@link #details()} holds what helps to act on it (the tail of a log, say).
 */
public final class StackException extends RuntimeException {

    private final String details;

    public StackException(String message) {
        this(message, "");
    }

    public StackException(String message, String details) {
        super(message, null, false, false);
        this.details = details;
    }

    public String details() {
        return details;
    }
}

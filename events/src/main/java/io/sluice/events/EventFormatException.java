package io.sluice.events;

/**
 * A record on a contract topic that is not an event of the contract: not a CloudEvent, a missing or
 * malformed attribute, data that does not fit its type. A consumer logs it with its offset, counts it and
 * goes on with the next record.
 */
public class EventFormatException extends RuntimeException {

    public EventFormatException(String message) {
        super(message);
    }

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.sluice.simulcast.api;

/** The body is JSON, but not the shape the operation takes. */
final class MalformedBodyException extends RuntimeException {

    MalformedBodyException(String message) {
        super(message);
    }
}

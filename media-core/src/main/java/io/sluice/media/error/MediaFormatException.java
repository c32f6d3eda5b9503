package io.sluice.media.error;

/**
 * Input that does not follow the wire format it claims to be. Decoders throw it only towards their own
 * state machine, which turns it into a terminal failed state with a reason; it never reaches an event
 * loop.
 */
public class MediaFormatException extends RuntimeException {

    public MediaFormatException(String message) {
        super(message, null, false, false);
    }

    public MediaFormatException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}

package io.sluice.recording.domain;

/** A blocking playlist request names media too far beyond the live edge to wait for (RFC 8216bis 6.2.5.2). */
public final class PlaybackRequestTooFarException extends RuntimeException {

    public PlaybackRequestTooFarException(String message) {
        super(message);
    }
}

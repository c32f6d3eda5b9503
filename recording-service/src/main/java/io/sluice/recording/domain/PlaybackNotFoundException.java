package io.sluice.recording.domain;

/** Nothing to play under this playback id (or this recording or file of it). */
public final class PlaybackNotFoundException extends RuntimeException {

    public PlaybackNotFoundException(String message) {
        super(message);
    }
}

package io.sluice.recording.domain;

/** What a held request waits for did not arrive within the blocking timeout. */
public final class PlaybackNotYetException extends RuntimeException {

    public PlaybackNotYetException(String message) {
        super(message);
    }
}

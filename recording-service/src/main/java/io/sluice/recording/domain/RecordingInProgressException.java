package io.sluice.recording.domain;

/** The recording is still recording: it cannot be deleted or downloaded yet. */
public final class RecordingInProgressException extends RuntimeException {

    public RecordingInProgressException(String id) {
        super("Recording " + id + " is still recording; it can be deleted or downloaded once it is ready");
    }
}

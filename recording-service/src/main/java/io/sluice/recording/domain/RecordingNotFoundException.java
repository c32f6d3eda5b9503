package io.sluice.recording.domain;

/** No such recording in the caller's tenant (another tenant's recording is not found either). */
public final class RecordingNotFoundException extends RuntimeException {

    public RecordingNotFoundException(String id) {
        super("No recording " + id);
    }
}

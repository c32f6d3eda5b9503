package io.sluice.recording.domain;

/**
 * Another instance has taken a stream over since this one claimed it: this instance has lost the stream's
 * partition, perhaps without having noticed yet, and must not write the stream's recording.
 */
public final class RecorderFencedException extends RuntimeException {

    private final String streamId;

    public RecorderFencedException(String streamId) {
        super("stream " + streamId + " was taken over by another instance");
        this.streamId = streamId;
    }

    public String streamId() {
        return streamId;
    }
}

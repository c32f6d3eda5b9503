package io.sluice.recording.objects;

/** The object store cannot be used now (disk full, store unreachable); trying again later may succeed. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

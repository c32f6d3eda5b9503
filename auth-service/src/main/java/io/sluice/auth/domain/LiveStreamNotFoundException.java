package io.sluice.auth.domain;

/**
 * No stream with this id that the caller may see. Another tenant's stream is reported the same way as one
 * that does not exist, so ids reveal nothing across tenants.
 */
public class LiveStreamNotFoundException extends RuntimeException {

    public LiveStreamNotFoundException(String id) {
        super("No live stream " + id, null, false, false);
    }
}

package io.sluice.ingest.session;

import io.sluice.events.data.StreamKeyEntry;
import java.time.Instant;

/**
 * Who a connection publishes as, once its session has started: fixed for the session's life.
 *
 * @param entry the registry entry the key matched when the publish was accepted
 */
record LiveSession(StreamKeyEntry entry, String sessionId, Instant startedAt) {

    String streamId() {
        return entry.streamId();
    }

    String tenant() {
        return entry.tenant();
    }
}

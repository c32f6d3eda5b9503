package io.sluice.simulcast.domain;

import java.time.Duration;
import java.util.Optional;

/** The live streams that exist and whose they are, as the key registry says. */
public interface StreamDirectory {

    /**
     * A stream, its tenant, and its reconnect window: how long after its session ended an encoder that comes back
     * continues the same broadcast.
     */
    record KnownStream(String streamId, String tenant, Duration reconnectWindow) {
    }

    Optional<KnownStream> find(String streamId);
}

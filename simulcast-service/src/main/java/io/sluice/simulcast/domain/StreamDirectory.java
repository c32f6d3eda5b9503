package io.sluice.simulcast.domain;

import java.util.Optional;

/** The live streams that exist and whose they are, as the key registry says. */
public interface StreamDirectory {

    /** A stream and its tenant. */
    record KnownStream(String streamId, String tenant) {
    }

    Optional<KnownStream> find(String streamId);
}

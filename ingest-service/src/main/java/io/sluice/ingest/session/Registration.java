package io.sluice.ingest.session;

import java.util.concurrent.CompletableFuture;

/** What registering a stream's publisher came to: it is the publisher now, or the takeover was refused. */
sealed interface Registration {

    /** @param previousEnded done once the publisher it took over from has handed its last events to Kafka */
    record Registered(CompletableFuture<Void> previousEnded) implements Registration {
    }

    /** @param description what the encoder is told */
    record Refused(String description) implements Registration {
    }
}

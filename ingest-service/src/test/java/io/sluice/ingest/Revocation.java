package io.sluice.ingest;

import io.sluice.events.StreamKeyHash;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.testkit.RegistryWriter;

/** The registry changes that stop a key, with the end reason and what the encoder is told. */
enum Revocation {

    DISABLE(EndReason.KEY_DISABLED, "the stream was disabled"),
    ROTATE(EndReason.KEY_ROTATED, "the stream key was rotated"),
    DELETE(EndReason.KEY_DELETED, "the stream was deleted");

    final EndReason reason;
    final String told;

    Revocation(EndReason reason, String told) {
        this.reason = reason;
        this.told = told;
    }

    /** Writes the change; with {@code awaitApplied}, returns once the ingest has applied it, else at once. */
    void apply(TestRegistry registry, RegistryWriter.TestStream stream, boolean awaitApplied) {
        switch (this) {
            case DISABLE -> write(registry, stream.next(StreamKeyEntry.Status.DISABLED, stream.entry().keyHash()), awaitApplied);
            case ROTATE -> write(registry, stream.next(StreamKeyEntry.Status.ENABLED, StreamKeyHash.of(RegistryWriter.newKey())),
                    awaitApplied);
            case DELETE -> {
                if (awaitApplied) {
                    registry.deleteAndAwait(stream.streamId());
                } else {
                    registry.delete(stream.streamId());
                }
            }
        }
    }

    private static void write(TestRegistry registry, StreamKeyEntry entry, boolean awaitApplied) {
        if (awaitApplied) {
            registry.update(entry);
        } else {
            registry.write(entry);
        }
    }
}

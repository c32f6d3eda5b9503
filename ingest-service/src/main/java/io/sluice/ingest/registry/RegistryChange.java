package io.sluice.ingest.registry;

import io.sluice.events.data.EndReason;
import io.sluice.events.data.StreamKeyEntry;
import java.util.Optional;

/**
 * A change of one stream's registry entry, as live sessions see it.
 *
 * @param previous the entry before, if there was one
 * @param current the entry now; empty when the stream was deleted
 */
public record RegistryChange(String streamId, Optional<StreamKeyEntry> previous, Optional<StreamKeyEntry> current) {

    /**
     * Why a live session published with the previous key must end now, if it must: the stream was deleted,
     * disabled, or its key rotated.
     */
    public Optional<EndReason> endsSessionsWithKey(String keyHash) {
        if (current.isEmpty()) {
            return Optional.of(EndReason.KEY_DELETED);
        }
        StreamKeyEntry now = current.get();
        if (now.status() == StreamKeyEntry.Status.DISABLED) {
            return Optional.of(EndReason.KEY_DISABLED);
        }
        if (!now.keyHash().equals(keyHash)) {
            return Optional.of(EndReason.KEY_ROTATED);
        }
        return Optional.empty();
    }
}

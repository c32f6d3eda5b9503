package io.sluice.simulcast.api;

import io.sluice.simulcast.domain.Target;
import java.time.Instant;

/**
 * A target as the API shows it: never its key, only the key's last four characters behind a mask.
 *
 * @param streamKey the masked key, {@code ****abcd}
 * @param tlsCaPem the CA certificate the target's chain must lead to, if one was given (public, not a secret)
 */
public record TargetView(String id, String streamId, String url, String streamKey, String passthrough, boolean enabled,
        String tlsCaPem, String status, String lastError, Instant connectedAt, long bytesOut, long reconnects,
        Instant createdAt, Instant updatedAt) {

    static TargetView of(Target t) {
        return new TargetView(t.id(), t.streamId(), t.url(), "****" + t.keyLast4(), t.passthrough(), t.enabled(),
                t.tlsCaPem(), t.status().wireName(), t.lastError(), t.connectedAt(), t.bytesOut(), t.reconnects(),
                t.createdAt(), t.updatedAt());
    }
}

package io.sluice.simulcast.domain;

import io.sluice.simulcast.crypto.KeyCipher;
import java.time.Instant;

/**
 * A simulcast target as stored: where to publish, the sealed key, and what the forwarding engine last saw.
 *
 * @param keyLast4 the last four characters of the key, all an answer ever shows of it
 * @param tlsCaPem a PEM CA certificate the target's chain must lead to, or {@code null} for the JDK trust store
 */
public record Target(String id, String streamId, String tenant, String url, String host, String passthrough,
        boolean enabled, KeyCipher.Sealed key, String keyLast4, String tlsCaPem, Instant createdAt, Instant updatedAt,
        TargetStatus status, String lastError, Instant connectedAt, long bytesOut, long reconnects) {

    /** Never the key, not even sealed: records end up in logs. */
    @Override
    public String toString() {
        return "Target[id=" + id + ", streamId=" + streamId + ", host=" + host + ", enabled=" + enabled + ", status="
                + status + "]";
    }
}

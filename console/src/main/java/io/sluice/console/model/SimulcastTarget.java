package io.sluice.console.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A simulcast target as simulcast-service answers it: {@code streamKey} is already masked by the service
 * ({@code ****abcd}), the console never sees a target's key again after sending it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SimulcastTarget(String id, String streamId, String url, String streamKey, Boolean enabled, String status,
        String lastError, Instant connectedAt, Long bytesOut, Long reconnects) {

    public boolean on() {
        return Boolean.TRUE.equals(enabled);
    }
}

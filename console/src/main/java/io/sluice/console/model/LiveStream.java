package io.sluice.console.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A live stream as auth-service answers it. {@code streamKey} is set only in the answers to create and
 * rotate-key, the one time the key is shown.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LiveStream(String id, String name, String tenant, String status, Ingest ingest, String playbackId,
        String playbackUrl, Integer reconnectWindowSeconds, Boolean recording, Instant createdAt,
        ActiveSession activeSession, String streamKey) {

    public boolean live() {
        return "active".equals(status);
    }

    public boolean disabled() {
        return "disabled".equals(status);
    }
}

package io.sluice.console.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** A recording as recording-service answers it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Recording(String id, String streamId, String status, String playbackUrl, String mp4Url,
        Instant startedAt, Instant endedAt, Double durationSeconds, Long sizeBytes) {

    public boolean ready() {
        return "ready".equals(status);
    }

    public boolean inProgress() {
        return "recording".equals(status);
    }
}

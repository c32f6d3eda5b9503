package io.sluice.console.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** One encoder session of a stream's history, with the figures of its last stats window. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Session(String id, Instant startedAt, Instant endedAt, String endReason, String endDetail,
        String clientAddress, String protocol, String tlsVersion, String encoder, Long bytesIn, String videoCodec,
        String audioCodec, Instant statsAt, Integer bitrateKbps, Integer width, Integer height, Double videoFrameRate,
        Integer keyframeIntervalMs, Integer audioSampleRate, Integer audioChannels) {

    public boolean live() {
        return endedAt == null;
    }
}

package io.sluice.console.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** The live session of a stream with its last stats window; figures are null until the first stats came. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActiveSession(String id, Instant startedAt, String clientAddress, String protocol, String encoder,
        Integer bitrateKbps, String videoCodec, String audioCodec, Integer width, Integer height, Double videoFrameRate,
        Long bytesIn, Instant statsAt) {
}

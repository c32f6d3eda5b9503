package io.sluice.console.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The server URLs an encoder publishes to; the stream key goes after them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ingest(String rtmpsUrl, String rtmpUrl) {
}

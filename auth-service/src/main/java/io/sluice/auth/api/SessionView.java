package io.sluice.auth.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One past or current session of a stream. */
@Schema(name = "Session")
public record SessionView(
        @Schema(example = "7d1c5a3e-2b4f-4c6d-8e9f-0a1b2c3d4e5f") String id,
        @Schema(nullable = true, description = "Null until the start event has arrived") Instant startedAt,
        @Schema(nullable = true, description = "Null while the session is live") Instant endedAt,
        @Schema(nullable = true, example = "client_closed",
                enumeration = {"client_closed", "key_disabled", "key_rotated", "key_deleted", "takeover", "idle_timeout",
                    "max_duration", "bitrate_exceeded", "protocol_error", "backend_unavailable", "shutdown",
                    "ended_by_admin", "ingest_lost"})
        String endReason,
        @Schema(nullable = true, example = "encoder sent deleteStream") String endDetail,
        @Schema(nullable = true, example = "203.0.113.7:50412") String clientAddress,
        @Schema(nullable = true, example = "rtmps") String protocol,
        @Schema(nullable = true, example = "FMLE/3.0 (compatible; FMSc/1.0)") String encoder,
        @Schema(example = "1073741824") long bytesIn,
        @Schema(example = "54000") long videoFrames,
        @Schema(example = "84375") long audioFrames,
        @Schema(nullable = true, example = "avc1") String videoCodec,
        @Schema(nullable = true, example = "mp4a") String audioCodec) {
}

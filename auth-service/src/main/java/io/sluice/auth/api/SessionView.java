package io.sluice.auth.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One past or current session of a stream. The figures from {@code bitrate_kbps} on are those of the last
 * stats window ingest reported ({@code stats_at}); each is null until one came, and null where the stream
 * has no such thing (no audio, say).
 */
@Schema(name = "Session")
public record SessionView(
        @Schema(example = "ss_Wm9vbUJyaWRnZTEy") String id,
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
        @Schema(nullable = true, example = "TLSv1.3", description = "The negotiated TLS version; null for plain RTMP")
        String tlsVersion,
        @Schema(nullable = true, example = "FMLE/3.0 (compatible; FMSc/1.0)",
                description = "What the encoder calls itself, without control characters, up to 255 characters")
        String encoder,
        @Schema(nullable = true, example = "ingest-7c9f5d-2", description = "The ingest instance the encoder was connected to")
        String ingestInstance,
        @Schema(example = "1073741824") long bytesIn,
        @Schema(example = "54000") long videoFrames,
        @Schema(example = "84375") long audioFrames,
        @Schema(nullable = true, example = "avc1") String videoCodec,
        @Schema(nullable = true, example = "mp4a") String audioCodec,
        @Schema(nullable = true, description = "When the figures below were measured") Instant statsAt,
        @Schema(nullable = true, example = "4500") Long bitrateKbps,
        @Schema(nullable = true, example = "1920") Integer width,
        @Schema(nullable = true, example = "1080") Integer height,
        @Schema(nullable = true, example = "30.0") Double videoFrameRate,
        @Schema(nullable = true, example = "2000", description = "Time between keyframes") Long keyframeIntervalMs,
        @Schema(nullable = true, example = "48000") Integer audioSampleRate,
        @Schema(nullable = true, example = "2") Integer audioChannels) {
}

package io.sluice.auth.api;

import static io.sluice.auth.domain.LiveStreamLimits.MAX_BITRATE_MAX_KBPS;
import static io.sluice.auth.domain.LiveStreamLimits.MAX_BITRATE_MIN_KBPS;
import static io.sluice.auth.domain.LiveStreamLimits.MAX_CONTINUOUS_DURATION_MAX_SECONDS;
import static io.sluice.auth.domain.LiveStreamLimits.MAX_CONTINUOUS_DURATION_MIN_SECONDS;
import static io.sluice.auth.domain.LiveStreamLimits.PASSTHROUGH_MAX_LENGTH;
import static io.sluice.auth.domain.LiveStreamLimits.RECONNECT_WINDOW_MAX_SECONDS;
import static io.sluice.auth.domain.LiveStreamLimits.RECONNECT_WINDOW_MIN_SECONDS;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The {@code live_stream} resource. */
@Schema(name = "LiveStream")
public record LiveStreamView(
        @Schema(example = "ls_3f6c1d0a9b8e4f7a8c2d5e6f7a8b9c0d") String id,
        @Schema(example = "Friday show") String name,
        @Schema(description = "The tenant that owns the stream", example = "acme") String tenant,
        @Schema(enumeration = {"idle", "active", "disabled"}, example = "idle",
                description = "`active` while an encoder publishes, and for `reconnect_window_seconds` after it drops")
        String status,
        IngestView ingest,
        @Schema(example = "pb_9a8b7c6d5e4f30211f2e3d4c5b6a7988") String playbackId,
        @Schema(example = "http://localhost:8082/v1/playback/pb_9a8b7c6d5e4f30211f2e3d4c5b6a7988/index.m3u8") URI playbackUrl,
        @Schema(minimum = "" + RECONNECT_WINDOW_MIN_SECONDS, maximum = "" + RECONNECT_WINDOW_MAX_SECONDS, example = "60",
                description = "How long an encoder may be gone and come back as the same broadcast")
        int reconnectWindowSeconds,
        @Schema(example = "true") boolean recording,
        @Schema(minimum = "" + MAX_CONTINUOUS_DURATION_MIN_SECONDS, maximum = "" + MAX_CONTINUOUS_DURATION_MAX_SECONDS,
                example = "43200", description = "Ingest ends a session that lasts longer than this")
        int maxContinuousDurationSeconds,
        @Schema(minimum = "" + MAX_BITRATE_MIN_KBPS, maximum = "" + MAX_BITRATE_MAX_KBPS, example = "0",
                description = "0 means no limit")
        int maxBitrateKbps,
        @Schema(nullable = true, example = "order-1234",
                description = "Free text for the caller, up to " + PASSTHROUGH_MAX_LENGTH + " characters")
        String passthrough,
        Instant createdAt,
        Instant updatedAt,
        @Schema(nullable = true, description = "The session an encoder is publishing in now") ActiveSessionView activeSession,
        @Schema(description = "The stream key: only in the answer to create and rotate-key, never again",
                example = "sluice_sk_4mKx0Vb0o1cOQy8Q2Yl3lq3dXc0tZ3pS9w7Jm8n2Hk4")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String streamKey) {

    /** Where an encoder sends the stream: the server URL, with the stream key as the stream name. */
    @Schema(name = "Ingest")
    public record IngestView(
            @Schema(example = "rtmps://localhost:1936/live") URI rtmpsUrl,
            @Schema(example = "rtmp://localhost:1935/live") URI rtmpUrl) {
    }

    @Schema(name = "ActiveSession")
    public record ActiveSessionView(
            @Schema(example = "7d1c5a3e-2b4f-4c6d-8e9f-0a1b2c3d4e5f") String id,
            @Schema(nullable = true) Instant startedAt,
            @Schema(nullable = true, example = "203.0.113.7:50412") String clientAddress,
            @Schema(nullable = true, example = "rtmps") String protocol,
            @Schema(nullable = true, example = "FMLE/3.0 (compatible; FMSc/1.0)") String encoder,
            @Schema(nullable = true, example = "4500") Long bitrateKbps,
            @Schema(nullable = true, example = "avc1") String videoCodec,
            @Schema(nullable = true, example = "mp4a") String audioCodec,
            @Schema(nullable = true, example = "1920") Integer width,
            @Schema(nullable = true, example = "1080") Integer height,
            @Schema(nullable = true, example = "30.0") Double videoFrameRate,
            @Schema(type = SchemaType.INTEGER, example = "52428800") long bytesIn,
            @Schema(nullable = true, description = "When the figures above were measured") Instant statsAt) {
    }

    /** Never prints the key, so a stray log line cannot leak it. */
    @Override
    public String toString() {
        return "LiveStreamView[id=" + id + ", status=" + status + (streamKey == null ? "" : ", streamKey=<redacted>") + "]";
    }
}

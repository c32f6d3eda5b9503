package io.sluice.auth.api;

import static io.sluice.auth.domain.LiveStreamLimits.MAX_BITRATE_MAX_KBPS;
import static io.sluice.auth.domain.LiveStreamLimits.MAX_BITRATE_MIN_KBPS;
import static io.sluice.auth.domain.LiveStreamLimits.MAX_CONTINUOUS_DURATION_MAX_SECONDS;
import static io.sluice.auth.domain.LiveStreamLimits.MAX_CONTINUOUS_DURATION_MIN_SECONDS;
import static io.sluice.auth.domain.LiveStreamLimits.NAME_MAX_LENGTH;
import static io.sluice.auth.domain.LiveStreamLimits.PASSTHROUGH_MAX_LENGTH;
import static io.sluice.auth.domain.LiveStreamLimits.RECONNECT_WINDOW_MAX_SECONDS;
import static io.sluice.auth.domain.LiveStreamLimits.RECONNECT_WINDOW_MIN_SECONDS;
import static io.sluice.auth.domain.LiveStreamSpec.DEFAULT_MAX_BITRATE_KBPS;
import static io.sluice.auth.domain.LiveStreamSpec.DEFAULT_MAX_CONTINUOUS_DURATION_SECONDS;
import static io.sluice.auth.domain.LiveStreamSpec.DEFAULT_RECONNECT_WINDOW_SECONDS;
import static io.sluice.auth.domain.LiveStreamSpec.DEFAULT_RECORDING;

import io.sluice.auth.domain.LiveStreamSpec;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/live-streams}; every field but {@code name} has a default. */
@Schema(name = "CreateLiveStream")
public record CreateLiveStreamRequest(
        @Schema(required = true, example = "Friday show", description = "No control characters")
        @NotBlank @Size(max = NAME_MAX_LENGTH) @PlainText String name,
        @Schema(defaultValue = "" + DEFAULT_RECONNECT_WINDOW_SECONDS, example = "60")
        @Min(RECONNECT_WINDOW_MIN_SECONDS) @Max(RECONNECT_WINDOW_MAX_SECONDS) Integer reconnectWindowSeconds,
        @Schema(defaultValue = "" + DEFAULT_RECORDING, example = "true") Boolean recording,
        @Schema(defaultValue = "" + DEFAULT_MAX_CONTINUOUS_DURATION_SECONDS, example = "7200")
        @Min(MAX_CONTINUOUS_DURATION_MIN_SECONDS) @Max(MAX_CONTINUOUS_DURATION_MAX_SECONDS) Integer maxContinuousDurationSeconds,
        @Schema(defaultValue = "" + DEFAULT_MAX_BITRATE_KBPS, example = "6000", description = "0 means no limit")
        @Min(MAX_BITRATE_MIN_KBPS) @Max(MAX_BITRATE_MAX_KBPS) Integer maxBitrateKbps,
        @Schema(example = "order-1234",
                description = "Free text; tab, line feed and carriage return are its only control characters")
        @Size(max = PASSTHROUGH_MAX_LENGTH) @PlainText(lineBreaks = true) String passthrough) {

    LiveStreamSpec toSpec() {
        return new LiveStreamSpec(name, reconnectWindowSeconds, recording, maxContinuousDurationSeconds, maxBitrateKbps,
                passthrough);
    }
}

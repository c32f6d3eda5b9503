package io.sluice.auth.api;

import static io.sluice.auth.domain.LiveStreamLimits.MAX_BITRATE_MAX_KBPS;
import static io.sluice.auth.domain.LiveStreamLimits.MAX_BITRATE_MIN_KBPS;
import static io.sluice.auth.domain.LiveStreamLimits.MAX_CONTINUOUS_DURATION_MAX_SECONDS;
import static io.sluice.auth.domain.LiveStreamLimits.MAX_CONTINUOUS_DURATION_MIN_SECONDS;
import static io.sluice.auth.domain.LiveStreamLimits.NAME_MAX_LENGTH;
import static io.sluice.auth.domain.LiveStreamLimits.PASSTHROUGH_MAX_LENGTH;
import static io.sluice.auth.domain.LiveStreamLimits.RECONNECT_WINDOW_MAX_SECONDS;
import static io.sluice.auth.domain.LiveStreamLimits.RECONNECT_WINDOW_MIN_SECONDS;

import io.sluice.auth.domain.LiveStreamSpec;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PATCH /v1/live-streams/{id}}: absent or null fields stay as they are; an empty
 * {@code passthrough} clears it.
 */
@Schema(name = "UpdateLiveStream")
public record UpdateLiveStreamRequest(
        @Schema(example = "Friday show (rerun)") @Size(min = 1, max = NAME_MAX_LENGTH) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        @PlainText String name,
        @Schema(example = "120") @Min(RECONNECT_WINDOW_MIN_SECONDS) @Max(RECONNECT_WINDOW_MAX_SECONDS) Integer reconnectWindowSeconds,
        @Schema(example = "false") Boolean recording,
        @Schema(example = "3600") @Min(MAX_CONTINUOUS_DURATION_MIN_SECONDS) @Max(MAX_CONTINUOUS_DURATION_MAX_SECONDS) Integer maxContinuousDurationSeconds,
        @Schema(example = "8000") @Min(MAX_BITRATE_MIN_KBPS) @Max(MAX_BITRATE_MAX_KBPS) Integer maxBitrateKbps,
        @Schema(example = "") @Size(max = PASSTHROUGH_MAX_LENGTH) @PlainText(lineBreaks = true) String passthrough) {

    LiveStreamSpec toSpec() {
        return new LiveStreamSpec(name, reconnectWindowSeconds, recording, maxContinuousDurationSeconds, maxBitrateKbps,
                passthrough);
    }
}

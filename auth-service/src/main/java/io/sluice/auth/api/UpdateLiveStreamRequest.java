package io.sluice.auth.api;

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
        @Schema(example = "Friday show (rerun)") @Size(min = 1, max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String name,
        @Schema(example = "120") @Min(0) @Max(1800) Integer reconnectWindowSeconds,
        @Schema(example = "false") Boolean recording,
        @Schema(example = "3600") @Min(60) @Max(43200) Integer maxContinuousDurationSeconds,
        @Schema(example = "8000") @Min(0) @Max(1_000_000) Integer maxBitrateKbps,
        @Schema(example = "") @Size(max = 255) String passthrough) {

    LiveStreamSpec toSpec() {
        return new LiveStreamSpec(name, reconnectWindowSeconds, recording, maxContinuousDurationSeconds, maxBitrateKbps,
                passthrough);
    }
}

package io.sluice.auth.api;

import io.sluice.auth.domain.LiveStreamSpec;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/live-streams}; every field but {@code name} has a default. */
@Schema(name = "CreateLiveStream")
public record CreateLiveStreamRequest(
        @Schema(required = true, example = "Friday show") @NotBlank @Size(max = 120) String name,
        @Schema(defaultValue = "60", example = "60") @Min(0) @Max(1800) Integer reconnectWindowSeconds,
        @Schema(defaultValue = "true", example = "true") Boolean recording,
        @Schema(defaultValue = "43200", example = "7200") @Min(60) @Max(43200) Integer maxContinuousDurationSeconds,
        @Schema(defaultValue = "0", example = "6000", description = "0 means no limit") @Min(0) @Max(1_000_000) Integer maxBitrateKbps,
        @Schema(example = "order-1234") @Size(max = 255) String passthrough) {

    LiveStreamSpec toSpec() {
        return new LiveStreamSpec(name, reconnectWindowSeconds, recording, maxContinuousDurationSeconds, maxBitrateKbps,
                passthrough);
    }
}

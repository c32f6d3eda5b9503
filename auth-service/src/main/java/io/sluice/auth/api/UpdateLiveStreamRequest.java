package io.sluice.auth.api;

import static io.sluice.auth.domain.LiveStreamLimits.MAX_BITRATE_MAX_KBPS;
import static io.sluice.auth.domain.LiveStreamLimits.MAX_BITRATE_MIN_KBPS;
import static io.sluice.auth.domain.LiveStreamLimits.MAX_CONTINUOUS_DURATION_MAX_SECONDS;
import static io.sluice.auth.domain.LiveStreamLimits.MAX_CONTINUOUS_DURATION_MIN_SECONDS;
import static io.sluice.auth.domain.LiveStreamLimits.NAME_MAX_LENGTH;
import static io.sluice.auth.domain.LiveStreamLimits.PASSTHROUGH_MAX_LENGTH;
import static io.sluice.auth.domain.LiveStreamLimits.RECONNECT_WINDOW_MAX_SECONDS;
import static io.sluice.auth.domain.LiveStreamLimits.RECONNECT_WINDOW_MIN_SECONDS;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.sluice.auth.domain.LiveStreamSpec;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PATCH /v1/live-streams/{id}}, read as a JSON merge patch (RFC 7396) whichever of the
 * two media types it comes as: an absent field stays as it is; {@code null} removes a value, which only
 * {@code passthrough} may lose (so does an empty one); {@code null} for any other field is a validation
 * error, since they cannot be absent.
 */
@Schema(name = "UpdateLiveStream", description = "A JSON merge patch: absent fields stay as they are;"
        + " `passthrough`: null (or \"\") removes it; null for any other field is refused.")
public class UpdateLiveStreamRequest {

    // Fields, not a record's components: Jackson calls a setter only for a field that is in the body, which is
    // what tells an absent field (kept) from an explicit null (refused, or for passthrough: removed).

    @Schema(example = "Friday show (rerun)")
    @JsonSetter(nulls = Nulls.FAIL)
    @Size(min = 1, max = NAME_MAX_LENGTH)
    @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
    @PlainText
    public String name;

    @Schema(example = "120")
    @JsonSetter(nulls = Nulls.FAIL)
    @Min(RECONNECT_WINDOW_MIN_SECONDS)
    @Max(RECONNECT_WINDOW_MAX_SECONDS)
    public Integer reconnectWindowSeconds;

    @Schema(example = "false")
    @JsonSetter(nulls = Nulls.FAIL)
    public Boolean recording;

    @Schema(example = "3600")
    @JsonSetter(nulls = Nulls.FAIL)
    @Min(MAX_CONTINUOUS_DURATION_MIN_SECONDS)
    @Max(MAX_CONTINUOUS_DURATION_MAX_SECONDS)
    public Integer maxContinuousDurationSeconds;

    @Schema(example = "8000")
    @JsonSetter(nulls = Nulls.FAIL)
    @Min(MAX_BITRATE_MIN_KBPS)
    @Max(MAX_BITRATE_MAX_KBPS)
    public Integer maxBitrateKbps;

    /** An explicit null arrives as "", which removes it, as an empty one does; absent stays null and keeps it. */
    @Schema(example = "order-1234", nullable = true)
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    @Size(max = PASSTHROUGH_MAX_LENGTH)
    @PlainText(lineBreaks = true)
    public String passthrough;

    LiveStreamSpec toSpec() {
        return new LiveStreamSpec(name, reconnectWindowSeconds, recording, maxContinuousDurationSeconds, maxBitrateKbps,
                passthrough);
    }
}

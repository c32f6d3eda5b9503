package io.sluice.auth.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, served as {@code application/problem+json}. */
@Schema(name = "Problem", description = "An error (RFC 9457). Branch on `type`; `errors` names each invalid field.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(example = "urn:sluice:problem:validation") URI type,
        @Schema(example = "The request is not valid") String title,
        @Schema(example = "400") int status,
        @Schema(example = "reconnect_window_seconds must be less than or equal to 1800") String detail,
        @Schema(example = "/v1/live-streams") String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field, named as it is in the JSON body or the query. */
    public record FieldError(
            @Schema(example = "reconnect_window_seconds") String field,
            @Schema(example = "must be less than or equal to 1800") String message) {
    }

    static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.type(), type.title(), type.status(), detail, instance, null);
    }
}

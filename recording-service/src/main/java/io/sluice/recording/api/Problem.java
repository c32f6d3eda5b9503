package io.sluice.recording.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, served as {@code application/problem+json}. */
@Schema(name = "Problem", description = "An error (RFC 9457). Branch on `type`; `errors` names each invalid field.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(example = "urn:sluice:problem:recording-not-found") URI type,
        @Schema(example = "No such recording") String title,
        @Schema(example = "404") int status,
        @Schema(example = "No recording rec_3f6c1d0a9b8e4f7a8c2d5e6f7a8b9c0d") String detail,
        @Schema(example = "/v1/recordings/rec_3f6c1d0a9b8e4f7a8c2d5e6f7a8b9c0d") String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field, named as it is in the query. */
    public record FieldError(@Schema(example = "limit") String field,
            @Schema(example = "must be a whole number from 1 to 100") String message) {
    }

    static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.type(), type.title(), type.status(), detail, instance, null);
    }
}

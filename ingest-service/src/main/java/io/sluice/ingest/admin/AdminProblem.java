package io.sluice.ingest.admin;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An error of the admin API as an RFC 9457 problem document (written by Jackson, in a native image too). */
@RegisterForReflection
@Schema(name = "Problem", description = "An error (RFC 9457 problem details)")
public record AdminProblem(
        @Schema(description = "Names the kind of error; stable",
                example = "https://sluice.dev/problems/session-not-found") String type,
        @Schema(description = "The kind of error, for people",
                example = "No such live session on this instance") String title,
        @Schema(description = "The HTTP status", example = "404") int status,
        @Schema(description = "This occurrence, for people",
                example = "session ss_l45Uy-NekGGhXjPq is not live on this ingest instance") String detail) {

    static final String MEDIA_TYPE = "application/problem+json";
}

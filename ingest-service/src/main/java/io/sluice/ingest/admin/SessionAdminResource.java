package io.sluice.ingest.admin;

import io.sluice.events.data.EndReason;
import io.sluice.ingest.session.IngestConnection;
import io.sluice.ingest.session.LiveSessions;
import io.sluice.ingest.session.SessionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For operators (the admin role): the sessions live on this instance, and ending one. */
@Path("/v1/admin/sessions")
@RolesAllowed("${sluice.ingest.admin-role:admin}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "The sessions live on this ingest instance")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token has no admin role")
public class SessionAdminResource {

    private final LiveSessions liveSessions;

    SessionAdminResource(LiveSessions liveSessions) {
        this.liveSessions = liveSessions;
    }

    @GET
    @Operation(operationId = "listLiveSessions", summary = "List the live sessions", description = "Oldest first.")
    @APIResponse(responseCode = "200", description = "The sessions live on this instance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SessionView.class)))
    public List<SessionView> list() {
        return liveSessions.all().stream().map(IngestConnection::view).flatMap(Optional::stream)
                .sorted(Comparator.comparing(SessionView::startedAt)).toList();
    }

    @GET
    @Path("/{sessionId}")
    @Operation(operationId = "getLiveSession", summary = "Get a live session")
    @APIResponse(responseCode = "200", description = "The session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No such session live on this instance",
            content = @Content(mediaType = AdminProblem.MEDIA_TYPE,
                    schema = @Schema(implementation = AdminProblem.class)))
    public Response get(@Parameter(description = "The session id (ss_...)", example = "ss_l45Uy-NekGGhXjPq")
            @PathParam("sessionId") String sessionId) {
        return liveSessions.bySession(sessionId).flatMap(IngestConnection::view).map(v -> Response.ok(v).build())
                .orElseGet(() -> notFound(sessionId));
    }

    /** Ends the session now; the encoder gets NetStream.Publish.Denied and the session ends with ended_by_admin. */
    @POST
    @Path("/{sessionId}/end")
    @Operation(operationId = "endLiveSession", summary = "End a live session",
            description = "The encoder is told to stop publishing and the session ends with `ended_by_admin`.")
    @APIResponse(responseCode = "202", description = "The session is ending")
    @APIResponse(responseCode = "404", description = "No such session live on this instance",
            content = @Content(mediaType = AdminProblem.MEDIA_TYPE,
                    schema = @Schema(implementation = AdminProblem.class)))
    public Response end(@Parameter(description = "The session id (ss_...)", example = "ss_l45Uy-NekGGhXjPq")
            @PathParam("sessionId") String sessionId) {
        return liveSessions.bySession(sessionId).map(c -> {
            c.endFromAnyThread(EndReason.ENDED_BY_ADMIN, "ended by an operator");
            return Response.accepted().build();
        }).orElseGet(() -> notFound(sessionId));
    }

    private static Response notFound(String sessionId) {
        return Response.status(Response.Status.NOT_FOUND)
                .type(AdminProblem.MEDIA_TYPE)
                .entity(new AdminProblem("https://sluice.dev/problems/session-not-found",
                        "No such live session on this instance", 404,
                        "session " + sessionId + " is not live on this ingest instance"))
                .build();
    }
}

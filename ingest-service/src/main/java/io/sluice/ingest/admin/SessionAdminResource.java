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
import java.util.Map;
import java.util.Optional;

/** For operators (the admin role): the sessions live on this instance, and ending one. */
@Path("/v1/admin/sessions")
@RolesAllowed("${sluice.ingest.admin-role:admin}")
@Produces(MediaType.APPLICATION_JSON)
public class SessionAdminResource {

    private final LiveSessions liveSessions;

    SessionAdminResource(LiveSessions liveSessions) {
        this.liveSessions = liveSessions;
    }

    @GET
    public List<SessionView> list() {
        return liveSessions.all().stream().map(IngestConnection::view).flatMap(Optional::stream)
                .sorted(Comparator.comparing(SessionView::startedAt)).toList();
    }

    @GET
    @Path("/{sessionId}")
    public Response get(@PathParam("sessionId") String sessionId) {
        return liveSessions.bySession(sessionId).flatMap(IngestConnection::view).map(v -> Response.ok(v).build())
                .orElseGet(() -> notFound(sessionId));
    }

    /** Ends the session now; the encoder gets NetStream.Publish.Denied and the session ends with ended_by_admin. */
    @POST
    @Path("/{sessionId}/end")
    public Response end(@PathParam("sessionId") String sessionId) {
        return liveSessions.bySession(sessionId).map(c -> {
            c.endFromAnyThread(EndReason.ENDED_BY_ADMIN, "ended by an operator");
            return Response.accepted().build();
        }).orElseGet(() -> notFound(sessionId));
    }

    private static Response notFound(String sessionId) {
        return Response.status(Response.Status.NOT_FOUND)
                .type("application/problem+json")
                .entity(Map.of("type", "https://sluice.dev/problems/session-not-found",
                        "title", "No such live session on this instance",
                        "status", 404,
                        "detail", "session " + sessionId + " is not live on this ingest instance"))
                .build();
    }
}

package io.sluice.simulcast.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.sluice.simulcast.domain.TargetService;
import io.sluice.simulcast.security.CallerResolver;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/** The simulcast targets of a live stream. Errors are problem documents (RFC 9457). */
@Path("/v1/live-streams/{stream_id}/simulcast-targets")
@Produces(MediaType.APPLICATION_JSON)
public class TargetResource {

    private final TargetService service;
    private final CallerResolver callers;
    private final SecurityIdentity identity;

    TargetResource(TargetService service, CallerResolver callers, SecurityIdentity identity) {
        this.service = service;
        this.callers = callers;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("stream_id") String streamId, JsonNode body, UriInfo uri) {
        TargetView created = TargetView.of(service.create(callers.resolve(identity), streamId, TargetRequests.read(body)));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    public Map<String, List<TargetView>> list(@PathParam("stream_id") String streamId) {
        return Map.of("data", service.list(callers.resolve(identity), streamId).stream().map(TargetView::of).toList());
    }

    @GET
    @Path("{target_id}")
    public TargetView get(@PathParam("stream_id") String streamId, @PathParam("target_id") String targetId) {
        return TargetView.of(service.get(callers.resolve(identity), streamId, targetId));
    }

    @PATCH
    @Path("{target_id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public TargetView update(@PathParam("stream_id") String streamId, @PathParam("target_id") String targetId,
            JsonNode body) {
        return TargetView.of(service.update(callers.resolve(identity), streamId, targetId, TargetRequests.read(body)));
    }

    @DELETE
    @Path("{target_id}")
    public Response delete(@PathParam("stream_id") String streamId, @PathParam("target_id") String targetId) {
        service.delete(callers.resolve(identity), streamId, targetId);
        return Response.noContent().build();
    }
}

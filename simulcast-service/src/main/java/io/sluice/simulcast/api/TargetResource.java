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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The simulcast targets of a live stream. Errors are problem documents (RFC 9457). */
@Path("/v1/live-streams/{stream_id}/simulcast-targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Simulcast targets", description = "Where a live stream is re-published, each with its own status")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such live stream (or target) in the caller's tenant",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
    @Operation(operationId = "createSimulcastTarget", summary = "Add a simulcast target",
            description = "An `rtmp://` or `rtmps://` URL and the target's stream key; a live stream's enabled target"
                    + " starts at its next keyframe.")
    @APIResponse(responseCode = "201", description = "The target, its key masked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "400", description = "An invalid field (`errors` names it) or a refused address",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "No streamer role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The live stream has as many targets as it may have",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("stream_id") String streamId, JsonNode body, UriInfo uri) {
        TargetView created = TargetView.of(service.create(callers.resolve(identity), streamId, TargetRequests.read(body)));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    @Operation(operationId = "listSimulcastTargets", summary = "List a live stream's simulcast targets",
            description = "Each with its status, last error, bytes sent and reconnects; keys masked.")
    @APIResponse(responseCode = "200", description = "The targets, under `data`")
    public Map<String, List<TargetView>> list(@PathParam("stream_id") String streamId) {
        return Map.of("data", service.list(callers.resolve(identity), streamId).stream().map(TargetView::of).toList());
    }

    @GET
    @Path("{target_id}")
    @Operation(operationId = "getSimulcastTarget", summary = "Get a simulcast target")
    @APIResponse(responseCode = "200", description = "The target, its key masked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetView.class)))
    public TargetView get(@PathParam("stream_id") String streamId, @PathParam("target_id") String targetId) {
        return TargetView.of(service.get(callers.resolve(identity), streamId, targetId));
    }

    @PATCH
    @Path("{target_id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateSimulcastTarget", summary = "Change a simulcast target",
            description = "`enabled`, `passthrough`, `url`, `stream_key`, `tls_ca_pem`; a disabled target stops within"
                    + " a second.")
    @APIResponse(responseCode = "200", description = "The target, its key masked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "400", description = "An invalid field (`errors` names it) or a refused address",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "No streamer role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TargetView update(@PathParam("stream_id") String streamId, @PathParam("target_id") String targetId,
            JsonNode body) {
        return TargetView.of(service.update(callers.resolve(identity), streamId, targetId, TargetRequests.read(body)));
    }

    @DELETE
    @Path("{target_id}")
    @Operation(operationId = "deleteSimulcastTarget", summary = "Remove a simulcast target",
            description = "Its publish, if live, ends within a second.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "No streamer role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("stream_id") String streamId, @PathParam("target_id") String targetId) {
        service.delete(callers.resolve(identity), streamId, targetId);
        return Response.noContent().build();
    }
}

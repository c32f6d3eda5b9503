package io.sluice.auth.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.sluice.auth.domain.LiveStreamService;
import io.sluice.auth.security.CallerResolver;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations on the key registry, for admins. */
@Path("/v1/admin/registry")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "Platform operations; need the admin role")
@SecurityRequirement(name = "SecurityScheme")
public class RegistryAdminResource {

    /** How many streams were queued for publishing. */
    public record RepublishView(@Schema(example = "1250") long queued) {
    }

    private final LiveStreamService service;
    private final CallerResolver callers;
    private final SecurityIdentity identity;

    RegistryAdminResource(LiveStreamService service, CallerResolver callers, SecurityIdentity identity) {
        this.service = service;
        this.callers = callers;
        this.identity = identity;
    }

    @POST
    @Path("republish")
    @Operation(operationId = "republishRegistry", summary = "Republish the whole key registry",
            description = "Writes every stream's current registry record to `sluice.stream-keys.v1` again (through the outbox), for a topic or an ingest fleet that lost its state. Versions do not change, so ingest instances that are up to date ignore the copies.")
    @APIResponse(responseCode = "202", description = "Queued; the relay publishes within seconds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RepublishView.class),
                    examples = @ExampleObject(name = "queued", value = "{\"queued\":1250}")))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response republish() {
        long queued = service.republishRegistry(callers.resolve(identity));
        return Response.accepted(new RepublishView(queued)).build();
    }
}

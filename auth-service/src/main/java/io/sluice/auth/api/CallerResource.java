package io.sluice.auth.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sluice.auth.security.Caller;
import io.sluice.auth.security.CallerResolver;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who the API takes the caller for: the quickest check that a token works. */
@Path("/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CallerResource {

    /** The JSON shape of the caller. */
    public record CallerView(String subject, String tenant, List<String> roles, boolean admin) {
    }

    private final SecurityIdentity identity;
    private final CallerResolver resolver;

    CallerResource(SecurityIdentity identity, CallerResolver resolver) {
        this.identity = identity;
        this.resolver = resolver;
    }

    @GET
    @Operation(operationId = "getCaller", summary = "The caller",
            description = "The subject, tenant and roles the API reads from the bearer token.")
    public CallerView me() {
        Caller caller = resolver.resolve(identity);
        return new CallerView(caller.subject(), caller.tenant(), caller.roles().stream().sorted().toList(), caller.admin());
    }
}

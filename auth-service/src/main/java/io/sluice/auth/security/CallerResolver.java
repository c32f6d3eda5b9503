package io.sluice.auth.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.sluice.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns the verified token of a request into a {@link Caller}. */
@ApplicationScoped
public class CallerResolver {

    private final AuthConfig config;

    CallerResolver(AuthConfig config) {
        this.config = config;
    }

    public Caller resolve(SecurityIdentity identity) {
        String tenant = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(config.identity().tenantClaim());
            if (claim != null && !claim.toString().isBlank()) {
                tenant = claim.toString().replace("\"", "");
            }
        }
        return new Caller(identity.getPrincipal().getName(), tenant, identity.getRoles(),
                identity.hasRole(config.identity().adminRole()), identity.hasRole(config.identity().streamerRole()));
    }
}

package io.sluice.simulcast.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.sluice.simulcast.config.SimulcastConfig;
import io.sluice.simulcast.domain.AccessDeniedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns the verified token of a request into a {@link Caller} by auth-service's rules: the tenant is one name from
 * the configured claim, or the token is refused rather than a tenant guessed from it.
 */
@ApplicationScoped
public class CallerResolver {

    /** The longest tenant name (auth-service's limit). */
    static final int TENANT_MAX_LENGTH = 128;

    private final SimulcastConfig.Identity identity;

    CallerResolver(SimulcastConfig config) {
        this.identity = config.identity();
    }

    public Caller resolve(SecurityIdentity caller) {
        String tenant = null;
        if (caller.getPrincipal() instanceof JsonWebToken token) {
            tenant = tenant(token.getClaim(identity.tenantClaim()));
        }
        return new Caller(tenant, caller.hasRole(identity.adminRole()), caller.hasRole(identity.streamerRole()));
    }

    private String tenant(Object claim) {
        String name = switch (claim) {
            case null -> null;
            case String text -> text;
            case JsonString json -> json.getString();
            default -> throw new AccessDeniedException(AccessDeniedException.Reason.INVALID_TENANT,
                    "The token's " + identity.tenantClaim() + " claim is not a single tenant name");
        };
        if (name == null || name.isBlank()) {
            return null;
        }
        if (name.length() > TENANT_MAX_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new AccessDeniedException(AccessDeniedException.Reason.INVALID_TENANT, "The token's "
                    + identity.tenantClaim() + " claim is longer than " + TENANT_MAX_LENGTH
                    + " characters or holds control characters");
        }
        return name;
    }
}

package io.sluice.auth.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.sluice.auth.config.AuthConfig;
import io.sluice.auth.domain.AccessDeniedException;
import io.sluice.auth.domain.LiveStreamLimits;
import io.sluice.auth.storage.StoredText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns the verified token of a request into a {@link Caller}. */
@ApplicationScoped
public class CallerResolver {

    private final AuthConfig config;

    CallerResolver(AuthConfig config) {
        this.config = config;
    }

    /**
     * @throws AccessDeniedException if the token's tenant claim is there but is not one tenant name that
     *         fits the {@code tenant} column: a list, a number, too long, with control characters. The
     *         provider's mapping is wrong then, and guessing a tenant from it could put a stream in another
     *         tenant's hands. Also if the subject cannot be recorded as a stream's creator.
     */
    public Caller resolve(SecurityIdentity identity) {
        String tenant = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            tenant = tenant(token.getClaim(config.identity().tenantClaim()));
        }
        return new Caller(subject(identity.getPrincipal().getName()), tenant, identity.getRoles(),
                identity.hasRole(config.identity().adminRole()), identity.hasRole(config.identity().streamerRole()));
    }

    /**
     * The principal's name (the token's {@code upn}, {@code preferred_username} or {@code sub}) is stored as
     * a stream's creator; one that does not fit is the provider's mapping gone wrong, refused like a tenant.
     */
    private static String subject(String name) {
        if (!StoredText.isStorableIdentifier(name, LiveStreamLimits.SUBJECT_MAX_LENGTH)) {
            throw new AccessDeniedException(AccessDeniedException.Reason.INVALID_SUBJECT,
                    "The token's subject is empty, longer than " + LiveStreamLimits.SUBJECT_MAX_LENGTH
                            + " characters or holds control characters");
        }
        return name;
    }

    private String tenant(Object claim) {
        String name = switch (claim) {
            case null -> null;
            case String text -> text;
            case JsonString json -> json.getString();
            default -> throw new AccessDeniedException(AccessDeniedException.Reason.INVALID_TENANT,
                    "The token's " + config.identity().tenantClaim() + " claim is not a single tenant name");
        };
        if (name == null || name.isBlank()) {
            return null;
        }
        if (!StoredText.isStorableIdentifier(name, LiveStreamLimits.TENANT_MAX_LENGTH)) {
            throw new AccessDeniedException(AccessDeniedException.Reason.INVALID_TENANT,
                    "The token's " + config.identity().tenantClaim() + " claim is longer than "
                            + LiveStreamLimits.TENANT_MAX_LENGTH + " characters or holds control characters");
        }
        return name;
    }
}

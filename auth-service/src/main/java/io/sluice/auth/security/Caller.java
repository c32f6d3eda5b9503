package io.sluice.auth.security;

import java.util.Set;

/**
 * Who is calling, as far as authorisation goes: the token's subject, the tenant its claim names, and its
 * roles. A caller whose token names no tenant has {@code tenant == null} and may touch no stream.
 *
 * @param admin holds the configured admin role: may read every tenant's streams
 * @param streamer holds the configured streamer role: may create and change its tenant's streams
 */
public record Caller(String subject, String tenant, Set<String> roles, boolean admin, boolean streamer) {

    public Caller {
        roles = Set.copyOf(roles);
    }
}

package io.sluice.simulcast.security;

/**
 * Who is calling: the tenant the token's claim names ({@code null}: none) and what its roles allow.
 *
 * @param admin may read every tenant's targets
 * @param streamer may add, change and remove its tenant's targets
 */
public record Caller(String tenant, boolean admin, boolean streamer) {
}

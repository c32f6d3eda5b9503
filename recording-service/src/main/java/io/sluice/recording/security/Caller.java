package io.sluice.recording.security;

/**
 * Who is calling: the tenant the token's claim names ({@code null}: none) and what its roles allow.
 *
 * @param admin may read every tenant's recordings
 * @param streamer may delete its tenant's recordings
 */
public record Caller(String tenant, boolean admin, boolean streamer) {
}

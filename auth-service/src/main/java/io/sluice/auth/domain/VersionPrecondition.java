package io.sluice.auth.domain;

import java.util.Set;

/**
 * What a change requires of the stream's version as it is when the change is made (HTTP {@code If-Match}):
 * nothing, or to be one of the given versions. Checked under the stream's row lock, so no other change can
 * come in between.
 *
 * @param versions {@code null} for any version
 */
public record VersionPrecondition(Set<Long> versions) {

    /** No requirement: the change is made whatever the version. */
    public static final VersionPrecondition NONE = new VersionPrecondition(null);

    public VersionPrecondition {
        versions = versions == null ? null : Set.copyOf(versions);
    }

    public boolean allows(long version) {
        return versions == null || versions.contains(version);
    }
}

package io.sluice.console.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Who the API takes the signed-in user for ({@code GET /v1/me} of auth-service). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Caller(String subject, String tenant, List<String> roles, boolean admin) {

    public Caller {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /**
     * Whether the pages offer changes. Only the APIs decide what a caller may do; this only keeps buttons
     * that would be refused off the page.
     */
    public boolean canChange() {
        return roles.contains("streamer");
    }
}

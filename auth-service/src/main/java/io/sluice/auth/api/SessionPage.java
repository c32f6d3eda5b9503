package io.sluice.auth.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a stream's sessions, newest first. */
public record SessionPage(
        List<SessionView> data,
        @Schema(nullable = true, description = "Pass as `cursor` for the next page; null on the last page",
                example = "c2Vzc2lvbnxzc19XbTl2YlVKeWFXUm5aVEV5")
        String nextCursor) {
}

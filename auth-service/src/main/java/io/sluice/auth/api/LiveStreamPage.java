package io.sluice.auth.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of live streams, newest first. */
public record LiveStreamPage(
        List<LiveStreamView> data,
        @Schema(nullable = true, description = "Pass as `cursor` for the next page; null on the last page",
                example = "MjAyNi0xMS0yNFQxNToxNDo1M1p8bHNfM2Y2YzFkMGE5YjhlNGY3YThjMmQ1ZTZmN2E4YjljMGQ")
        String nextCursor) {
}

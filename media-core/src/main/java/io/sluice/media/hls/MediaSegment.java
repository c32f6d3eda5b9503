package io.sluice.media.hls;

import java.util.List;
import java.util.Objects;

/**
 * A media segment of a playlist: a complete one ({@code EXTINF} and its URI) or the open one at the live edge,
 * which has parts only.
 *
 * @param sequence its media sequence number
 * @param mapUri its init segment ({@code EXT-X-MAP}); written where it differs from the segment before
 * @param discontinuity an {@code EXT-X-DISCONTINUITY} comes before it
 * @param parts its partial segments, listed in LL-HLS playlists near the live edge (may be empty)
 * @param complete false for the open segment, whose {@code uri} and duration are not known yet
 */
public record MediaSegment(long sequence, long durationMicros, String uri, String mapUri, boolean discontinuity,
        List<PartialSegment> parts, boolean complete) {

    public MediaSegment {
        Objects.requireNonNull(mapUri, "mapUri");
        Playlists.requireUri(mapUri);
        parts = List.copyOf(parts);
        if (complete) {
            Objects.requireNonNull(uri, "uri");
            Playlists.requireUri(uri);
        } else if (parts.isEmpty()) {
            throw new IllegalArgumentException("an open segment has at least one part");
        }
    }
}

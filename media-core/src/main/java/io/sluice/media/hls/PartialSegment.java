package io.sluice.media.hls;

import java.util.Objects;

/**
 * An LL-HLS partial segment ({@code EXT-X-PART}).
 *
 * @param independent it starts with an independent frame ({@code INDEPENDENT=YES})
 */
public record PartialSegment(long durationMicros, String uri, boolean independent) {

    public PartialSegment {
        Objects.requireNonNull(uri, "uri");
        Playlists.requireUri(uri);
        if (durationMicros < 0) {
            throw new IllegalArgumentException("a duration is not negative");
        }
    }
}

package io.sluice.media.hls;

import java.util.List;
import java.util.Objects;

/**
 * A multivariant playlist with one variant stream: what a player needs to pick it before it loads media
 * ({@code CODECS} from the tracks' configurations, {@code RESOLUTION} for video, {@code BANDWIDTH}).
 *
 * @param codecs RFC 6381 codecs of every track ({@code avc1.64001f}, {@code mp4a.40.2})
 * @param width 0 for a stream without video
 * @param peakBandwidth bits per second of the busiest segment
 * @param averageBandwidth bits per second over the stream (0: not known)
 */
public record MultivariantPlaylist(List<String> codecs, int width, int height, long peakBandwidth,
        long averageBandwidth, String uri) {

    public MultivariantPlaylist {
        codecs = List.copyOf(codecs);
        Objects.requireNonNull(uri, "uri");
        Playlists.requireUri(uri);
        if (codecs.isEmpty() || peakBandwidth < 1) {
            throw new IllegalArgumentException("a variant has codecs and a bandwidth");
        }
        for (String codec : codecs) {
            if (!codec.matches("[A-Za-z0-9.]+")) {
                throw new IllegalArgumentException("not a codecs string: " + codec);
            }
        }
    }

    /** The whole text. */
    public String text() {
        return PlaylistWriter.multivariant(this);
    }
}

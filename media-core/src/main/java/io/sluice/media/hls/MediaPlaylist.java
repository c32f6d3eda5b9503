package io.sluice.media.hls;

import java.util.List;
import java.util.Objects;

/**
 * A media playlist. Live (no {@code endList}) with a part target it is a Low-Latency HLS playlist: parts, a
 * preload hint and server control with blocking reload. With {@code endList} it is complete ({@code VOD}) and
 * has none of those, since Apple's players refuse {@code CAN-BLOCK-RELOAD} together with {@code EXT-X-ENDLIST}.
 *
 * @param targetDurationMillis the configured segment target; the playlist announces it, or the longest segment
 *     if one is longer, rounded as RFC 8216bis 4.4.3.1 requires
 * @param partTargetMicros the LL-HLS part target, 0 for a playlist without parts
 * @param discontinuitySequence discontinuities before the first listed segment
 * @param preloadHintUri the next part, for {@code EXT-X-PRELOAD-HINT} (null for none)
 */
public record MediaPlaylist(long targetDurationMillis, long partTargetMicros, long discontinuitySequence,
        List<MediaSegment> segments, String preloadHintUri, boolean endList) {

    public MediaPlaylist {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a playlist has at least one segment");
        }
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (!segments.get(i).complete()) {
                throw new IllegalArgumentException("only the last segment may be open");
            }
            if (segments.get(i + 1).sequence() != segments.get(i).sequence() + 1) {
                throw new IllegalArgumentException("media sequence numbers follow each other");
            }
        }
        if (endList && (!segments.getLast().complete() || preloadHintUri != null)) {
            throw new IllegalArgumentException("a complete playlist has no open segment and no preload hint");
        }
        if (preloadHintUri != null) {
            Playlists.requireUri(preloadHintUri);
        }
        if (partTargetMicros < 0 || targetDurationMillis < 1) {
            throw new IllegalArgumentException("targets must be positive");
        }
    }

    /** The media sequence number of the first listed segment. */
    public long mediaSequence() {
        return segments.getFirst().sequence();
    }

    /** Whether it is an LL-HLS playlist: live, with parts. */
    public boolean lowLatency() {
        return !endList && partTargetMicros > 0;
    }

    /** The whole text. */
    public String text() {
        return PlaylistWriter.media(this);
    }

    /** The same segments with another hint: for a caller that replaces the hint it was built with. */
    public MediaPlaylist withPreloadHint(String uri) {
        Objects.requireNonNull(uri, "uri");
        return new MediaPlaylist(targetDurationMillis, partTargetMicros, discontinuitySequence, segments, uri, endList);
    }
}

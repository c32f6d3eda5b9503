package io.sluice.media.hls;

import java.util.Locale;

/**
 * The text of playlists (RFC 8216bis, with the LL-HLS tags of its section 4.4.3.7 onwards). Durations are written
 * with microsecond precision and no trailing zeros beyond the millisecond.
 */
final class PlaylistWriter {

    /** EXT-X-MAP in a media playlist without I-frames needs version 6 (RFC 8216bis 7). */
    static final int VERSION = 6;
    /** Apple's authoring rules: PART-HOLD-BACK at least three part targets. */
    static final int PART_HOLD_BACK_TARGETS = 3;

    private PlaylistWriter() {
    }

    static String media(MediaPlaylist playlist) {
        StringBuilder out = new StringBuilder(256 + playlist.segments().size() * 96);
        out.append("#EXTM3U\n");
        out.append("#EXT-X-VERSION:").append(VERSION).append('\n');
        out.append("#EXT-X-TARGETDURATION:").append(targetDuration(playlist)).append('\n');
        if (playlist.endList()) {
            out.append("#EXT-X-PLAYLIST-TYPE:VOD\n");
        }
        if (playlist.lowLatency()) {
            out.append("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=")
                    .append(seconds(PART_HOLD_BACK_TARGETS * playlist.partTargetMicros())).append('\n');
            out.append("#EXT-X-PART-INF:PART-TARGET=").append(seconds(playlist.partTargetMicros())).append('\n');
        }
        out.append("#EXT-X-MEDIA-SEQUENCE:").append(playlist.mediaSequence()).append('\n');
        if (playlist.discontinuitySequence() > 0) {
            out.append("#EXT-X-DISCONTINUITY-SEQUENCE:").append(playlist.discontinuitySequence()).append('\n');
        }
        String map = null;
        for (MediaSegment segment : playlist.segments()) {
            if (segment.discontinuity()) {
                out.append("#EXT-X-DISCONTINUITY\n");
            }
            if (!segment.mapUri().equals(map)) {
                map = segment.mapUri();
                out.append("#EXT-X-MAP:URI=\"").append(map).append("\"\n");
            }
            if (playlist.lowLatency()) {
                for (PartialSegment part : segment.parts()) {
                    out.append("#EXT-X-PART:DURATION=").append(seconds(part.durationMicros()))
                            .append(",URI=\"").append(part.uri()).append('"');
                    if (part.independent()) {
                        out.append(",INDEPENDENT=YES");
                    }
                    out.append('\n');
                }
            }
            if (segment.complete()) {
                out.append("#EXTINF:").append(seconds(segment.durationMicros())).append(",\n");
                out.append(segment.uri()).append('\n');
            }
        }
        if (playlist.lowLatency() && playlist.preloadHintUri() != null) {
            out.append("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"").append(playlist.preloadHintUri()).append("\"\n");
        }
        if (playlist.endList()) {
            out.append("#EXT-X-ENDLIST\n");
        }
        return out.toString();
    }

    static String multivariant(MultivariantPlaylist playlist) {
        StringBuilder out = new StringBuilder(256);
        out.append("#EXTM3U\n");
        out.append("#EXT-X-VERSION:").append(VERSION).append('\n');
        out.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(playlist.peakBandwidth());
        if (playlist.averageBandwidth() > 0) {
            out.append(",AVERAGE-BANDWIDTH=").append(playlist.averageBandwidth());
        }
        out.append(",CODECS=\"").append(String.join(",", playlist.codecs())).append('"');
        if (playlist.width() > 0 && playlist.height() > 0) {
            out.append(",RESOLUTION=").append(playlist.width()).append('x').append(playlist.height());
        }
        out.append('\n').append(playlist.uri()).append('\n');
        return out.toString();
    }

    /**
     * The target duration: the configured target in whole seconds, or more where a segment, rounded to the
     * nearest second, is longer (RFC 8216bis 4.4.3.1).
     */
    static long targetDuration(MediaPlaylist playlist) {
        long target = Math.max(1, Math.round(playlist.targetDurationMillis() / 1000.0));
        for (MediaSegment segment : playlist.segments()) {
            if (segment.complete()) {
                target = Math.max(target, Math.round(segment.durationMicros() / 1_000_000.0));
            }
        }
        return target;
    }

    /** Seconds with up to six decimals, trailing zeros after the third removed. */
    static String seconds(long micros) {
        String text = String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
        int end = text.length();
        while (end > text.indexOf('.') + 4 && text.charAt(end - 1) == '0') {
            end--;
        }
        return text.substring(0, end);
    }
}

package io.sluice.media.cmaf;

import java.util.List;

/** What {@link CmafSegmenter} gives back: init segments, parts and the ends of segments, in the order to store them. */
public sealed interface SegmenterOutput {

    /**
     * A new period began: its init segment. A period is the stretch of a recording with one set of track
     * configurations and one timeline; the next one comes after a reconnect, a codec change or a timestamp jump
     * (an {@code EXT-X-DISCONTINUITY} with a new {@code EXT-X-MAP}).
     */
    record Init(int period, List<TrackConfiguration> tracks, byte[] bytes) implements SegmenterOutput {

        public Init {
            tracks = List.copyOf(tracks);
        }
    }

    /**
     * A partial segment: one fragment, the {@code part}-th of segment {@code segment}.
     *
     * @param independent it starts with a random access point (LL-HLS {@code INDEPENDENT=YES})
     * @param checkpoint the segmenter's state once this part is stored
     */
    record Part(long segment, int part, int period, long durationMicros, boolean independent, byte[] bytes,
            SegmenterCheckpoint checkpoint) implements SegmenterOutput {
    }

    /**
     * Segment {@code segment} is complete: its bytes are its parts' bytes in order.
     *
     * @param independent its first part is independent
     * @param checkpoint the segmenter's state once the segment is stored
     */
    record SegmentEnd(long segment, int period, long durationMicros, int parts, boolean independent,
            SegmenterCheckpoint checkpoint) implements SegmenterOutput {
    }
}

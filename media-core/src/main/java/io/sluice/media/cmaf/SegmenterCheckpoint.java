package io.sluice.media.cmaf;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@link CmafSegmenter} needs to go on after its last stored output, and nothing of what it still held
 * back: a segmenter resumed from a checkpoint and fed the inputs after {@link #writtenThrough} makes the same
 * bytes the first one would have made. {@link CheckpointCodec} stores it.
 *
 * @param period index of the current (or last) period, -1 before the first
 * @param periodOpen frames of {@code period} may follow without a new init segment
 * @param periodTracks the tracks of the current period's init segment
 * @param latestTracks the newest configuration of each track; a frame after one that differs from
 *     {@code periodTracks} starts a new period
 * @param anchorRtmp the 32-bit RTMP timestamp the current period's timeline is measured from
 * @param anchorNanos the recording time of {@code anchorRtmp}
 * @param recordingEndNanos the end of the recording timeline as of the last closed period
 * @param tracks per track kind, where it stands
 * @param segment the media sequence number of the open segment, or of the next one
 * @param segmentOpen a segment has parts and is not closed yet
 * @param nextPart the index of the next part of the open segment
 * @param segmentStartTicks decode time of the open segment's first sample of the leading track (-1 before one)
 * @param segmentDurationMicros the open segment's parts, added up
 * @param segmentIndependent the open segment's first part is independent
 * @param fragmentSequence the next {@code mfhd} sequence number
 */
public record SegmenterCheckpoint(int period, boolean periodOpen, Map<TrackKind, TrackConfiguration> periodTracks,
        Map<TrackKind, TrackConfiguration> latestTracks, long anchorRtmp, long anchorNanos, long recordingEndNanos,
        Map<TrackKind, TrackPosition> tracks, long segment, boolean segmentOpen, int nextPart, long segmentStartTicks,
        long segmentDurationMicros, boolean segmentIndependent, long fragmentSequence) {

    /**
     * Where one track stands.
     *
     * @param appended a frame of the current period was stored
     * @param rtmpTimestamp the last stored frame's 32-bit RTMP timestamp
     * @param offsetMillis the last stored frame's timestamp from the period's anchor
     * @param endTicks decode time right after the last stored frame
     * @param lastDuration the last stored frame's duration in ticks (the estimate for a frame whose successor never
     *     came)
     * @param previousDuration the duration of the frame stored before it: with {@code lastDuration}, the longest a
     *     frame is expected to be when a part is cut (millisecond timestamps make 30 fps alternate 33 and 34 ms)
     * @param writtenThrough the highest input sequence number whose effect is stored: a frame or configuration of
     *     this track numbered this or lower is not to be fed again
     */
    public record TrackPosition(boolean appended, long rtmpTimestamp, long offsetMillis, long endTicks,
            long lastDuration, long previousDuration, long writtenThrough) {

        static final TrackPosition NONE = new TrackPosition(false, 0, 0, 0, 0, 0, 0);
    }

    public SegmenterCheckpoint {
        periodTracks = copy(periodTracks);
        latestTracks = copy(latestTracks);
        tracks = copy(tracks);
        Objects.requireNonNull(tracks.get(TrackKind.VIDEO), "video position");
        Objects.requireNonNull(tracks.get(TrackKind.AUDIO), "audio position");
    }

    /** A segmenter that has seen nothing. */
    public static SegmenterCheckpoint initial() {
        return new SegmenterCheckpoint(-1, false, Map.of(), Map.of(), 0, 0, 0,
                Map.of(TrackKind.VIDEO, TrackPosition.NONE, TrackKind.AUDIO, TrackPosition.NONE), 0, false, 0, -1, 0,
                false, 1);
    }

    /** The highest input sequence number of {@code kind} that is stored; inputs up to it are not fed again. */
    public long writtenThrough(TrackKind kind) {
        return tracks.get(kind).writtenThrough();
    }

    private static <V> Map<TrackKind, V> copy(Map<TrackKind, V> map) {
        return map.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(map));
    }
}

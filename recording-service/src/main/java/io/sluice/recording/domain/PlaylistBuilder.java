package io.sluice.recording.domain;

import io.sluice.media.hls.MediaPlaylist;
import io.sluice.media.hls.MediaSegment;
import io.sluice.media.hls.MultivariantPlaylist;
import io.sluice.media.hls.PartialSegment;
import io.sluice.recording.objects.ObjectKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes a recording's playlists from what is stored. While it is recording: a Low-Latency HLS playlist with a
 * sliding window of segments, the parts of the newest ones and of the open segment, and a preload hint for the
 * next part. Once it is ready: every segment, {@code EXT-X-ENDLIST}, no parts. A new period (a reconnect, a codec
 * change, a timestamp jump) is an {@code EXT-X-DISCONTINUITY} with its own {@code EXT-X-MAP}; the discontinuity
 * sequence counts the periods before the first listed segment.
 */
public final class PlaylistBuilder {

    /** Complete segments whose parts a live playlist lists (RFC 8216bis: those within three target durations). */
    public static final int SEGMENTS_WITH_PARTS = 3;

    private final long targetDurationMillis;
    private final long partTargetMicros;

    public PlaylistBuilder(long targetDurationMillis, long partTargetMicros) {
        this.targetDurationMillis = targetDurationMillis;
        this.partTargetMicros = partTargetMicros;
    }

    /** Where a live recording's edge is: the newest part (of the open segment, or the last complete one). */
    public record Edge(long segment, int part, boolean segmentComplete) {

        /** The part that comes next: what the preload hint names. */
        public Edge next() {
            return segmentComplete ? new Edge(segment + 1, 0, false) : new Edge(segment, part + 1, false);
        }
    }

    /**
     * The live playlist, or empty while nothing is stored yet.
     *
     * @param segments the newest complete segments, oldest first
     * @param parts the parts of the newest complete segments and of the open one, in order
     * @param uriPrefix put before every URI ({@code rec_.../} when the playlist is not in the recording's folder)
     */
    public Optional<MediaPlaylist> live(List<StoredSegment> segments, List<StoredPart> parts, String uriPrefix) {
        List<MediaSegment> listed = new ArrayList<>();
        int previousPeriod = -1;
        long lastComplete = segments.isEmpty() ? -1 : segments.getLast().segment();
        for (StoredSegment segment : segments) {
            List<PartialSegment> its = parts.stream().filter(part -> part.segment() == segment.segment())
                    .map(part -> part(part, uriPrefix)).toList();
            listed.add(new MediaSegment(segment.segment(), segment.durationMicros(),
                    uriPrefix + ObjectKeys.segmentName(segment.segment()), uriPrefix + ObjectKeys.initName(segment.period()),
                    previousPeriod >= 0 && segment.period() != previousPeriod,
                    segment.segment() > lastComplete - SEGMENTS_WITH_PARTS ? its : List.of(), true));
            previousPeriod = segment.period();
        }
        List<StoredPart> open = parts.stream().filter(part -> part.segment() > lastComplete).toList();
        if (!open.isEmpty()) {
            long openSegment = open.getFirst().segment();
            List<PartialSegment> its = open.stream().filter(part -> part.segment() == openSegment)
                    .map(part -> part(part, uriPrefix)).toList();
            int period = open.getFirst().period();
            if (listed.isEmpty() || listed.getLast().sequence() + 1 == openSegment) {
                listed.add(new MediaSegment(openSegment, 0, null, uriPrefix + ObjectKeys.initName(period),
                        previousPeriod >= 0 && period != previousPeriod, its, false));
            }
        }
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        Edge next = edge(segments, parts).orElseThrow().next();
        int firstPeriod = segments.isEmpty() ? open.getFirst().period() : segments.getFirst().period();
        return Optional.of(new MediaPlaylist(targetDurationMillis, partTargetMicros, firstPeriod, listed,
                uriPrefix + ObjectKeys.partName(next.segment(), next.part()), false));
    }

    /** The complete playlist of a finished recording. */
    public Optional<MediaPlaylist> complete(List<StoredSegment> segments, String uriPrefix) {
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        List<MediaSegment> listed = new ArrayList<>(segments.size());
        int previousPeriod = -1;
        for (StoredSegment segment : segments) {
            listed.add(new MediaSegment(segment.segment(), segment.durationMicros(),
                    uriPrefix + ObjectKeys.segmentName(segment.segment()), uriPrefix + ObjectKeys.initName(segment.period()),
                    previousPeriod >= 0 && segment.period() != previousPeriod, List.of(), true));
            previousPeriod = segment.period();
        }
        return Optional.of(new MediaPlaylist(targetDurationMillis, 0, segments.getFirst().period(), listed, null, true));
    }

    /** The multivariant playlist naming {@code uri}, from the first period's tracks. */
    public static MultivariantPlaylist multivariant(Period first, List<StoredSegment> segments, String uri) {
        long peak = 0;
        long bytes = 0;
        long micros = 0;
        for (StoredSegment segment : segments) {
            if (segment.durationMicros() > 0) {
                peak = Math.max(peak, segment.sizeBytes() * 8_000_000 / segment.durationMicros());
            }
            bytes += segment.sizeBytes();
            micros += segment.durationMicros();
        }
        long average = micros > 0 ? bytes * 8_000_000 / micros : 0;
        // Before a segment is complete there is nothing to measure: a player needs a bandwidth, not an exact one.
        long bandwidth = peak > 0 ? peak : 5_000_000;
        return new MultivariantPlaylist(List.of(first.codecs().split(",")), first.width(), first.height(), bandwidth,
                average, uri);
    }

    /** The newest stored part or segment. */
    public static Optional<Edge> edge(List<StoredSegment> segments, List<StoredPart> parts) {
        long lastComplete = segments.isEmpty() ? -1 : segments.getLast().segment();
        Optional<StoredPart> newestPart = parts.isEmpty() ? Optional.empty() : Optional.of(parts.getLast());
        if (newestPart.isPresent() && newestPart.get().segment() > lastComplete) {
            return Optional.of(new Edge(newestPart.get().segment(), newestPart.get().part(), false));
        }
        if (lastComplete >= 0) {
            int lastPart = parts.stream().filter(part -> part.segment() == lastComplete).mapToInt(StoredPart::part)
                    .max().orElse(0);
            return Optional.of(new Edge(lastComplete, lastPart, true));
        }
        return Optional.empty();
    }

    private static PartialSegment part(StoredPart part, String uriPrefix) {
        return new PartialSegment(part.durationMicros(), uriPrefix + ObjectKeys.partName(part.segment(), part.part()),
                part.independent());
    }
}

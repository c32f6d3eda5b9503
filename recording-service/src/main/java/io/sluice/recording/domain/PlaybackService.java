package io.sluice.recording.domain;

import io.sluice.media.hls.MediaPlaylist;
import io.sluice.recording.config.RecordingConfig;
import io.sluice.recording.objects.ObjectKeys;
import io.sluice.recording.objects.ObjectStore;
import io.sluice.recording.storage.MediaRepository;
import io.sluice.recording.storage.RecordingRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Public playback: a playback id names a stream, and plays its newest recording (live, or kept and ready) or any
 * of its recordings by id. Blocking requests (a playlist reload with {@code _HLS_msn}, a part named by the preload
 * hint) are held until the media is stored, at most the blocking timeout; the caller's thread waits, so callers
 * run them on virtual threads.
 */
@ApplicationScoped
public class PlaybackService {

    /** Playback ids and recording ids are plain tokens; anything else names nothing. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern FILE = Pattern.compile(
            "init-(\\d{1,9})\\.mp4|seg-(\\d{1,18})\\.m4s|seg-(\\d{1,18})\\.(\\d{1,9})\\.m4s");
    /** RFC 8216bis 6.2.5.2: a request at most two segments past the last one may be held. */
    private static final int MAX_SEGMENTS_AHEAD = 2;
    /** The Advance Part Limit of RFC 8216bis 6.2.5.2. */
    private static final int MAX_PARTS_AHEAD = 3;

    /** A playlist to send, and whether it is live (its caching differs). */
    public record PlaylistAnswer(Recording recording, String text, boolean live) {
    }

    /** A media file to send: an object of the store, its size and what kind of file it is. */
    public record MediaFile(String key, long size, boolean init) {
    }

    /** What a blocking reload waits for: segment {@code msn}, or part {@code part} of it. */
    public record BlockingRequest(long msn, Integer part) {
    }

    private final RecordingRepository recordings;
    private final MediaRepository media;
    private final ObjectStore store;
    private final LiveEdges edges;
    private final RecordingSettings settings;
    private final RecordingConfig config;

    PlaybackService(RecordingRepository recordings, MediaRepository media, ObjectStore store, LiveEdges edges,
            RecordingSettings settings, RecordingConfig config) {
        this.recordings = recordings;
        this.media = media;
        this.store = store;
        this.edges = edges;
        this.settings = settings;
        this.config = config;
    }

    /** The newest playable recording of a playback id. */
    public Recording latest(String playbackId) {
        if (!ID.matcher(playbackId).matches()) {
            throw new PlaybackNotFoundException("No playback " + playbackId);
        }
        return recordings.findLatestPlayable(playbackId)
                .orElseThrow(() -> new PlaybackNotFoundException("Nothing to play for " + playbackId));
    }

    /** One recording of a playback id, if it can be played. */
    public Recording recording(String playbackId, String recordingId) {
        if (!ID.matcher(playbackId).matches() || !RecordingIds.isWellFormed(recordingId)) {
            throw new PlaybackNotFoundException("No recording " + recordingId + " for " + playbackId);
        }
        return recordings.find(recordingId)
                .filter(r -> r.playbackId().equals(playbackId))
                .filter(r -> r.status() == RecordingStatus.RECORDING || r.status() == RecordingStatus.READY && r.keep())
                .orElseThrow(() -> new PlaybackNotFoundException("No recording " + recordingId + " for " + playbackId));
    }

    /**
     * The recording's media playlist: LL-HLS while it records (held until {@code blocking} is there, when
     * given), complete once it is ready.
     *
     * @param uriPrefix put before every URI in the playlist
     */
    public PlaylistAnswer mediaPlaylist(Recording recording, String uriPrefix, BlockingRequest blocking) {
        long deadline = System.nanoTime() + config.playback().blockingTimeout().toNanos();
        Recording current = recording;
        while (true) {
            if (current.status() != RecordingStatus.RECORDING) {
                List<StoredSegment> segments = media.segments(current.id(), 0);
                String text = settings.playlists().complete(segments, uriPrefix)
                        .orElseThrow(() -> new PlaybackNotFoundException("Recording " + recording.id() + " has no media"))
                        .text();
                return new PlaylistAnswer(current, text, false);
            }
            List<StoredSegment> segments = media.segments(current.id(), config.playback().liveWindowSegments());
            long partsFrom = segments.isEmpty() ? 0
                    : segments.getLast().segment() - PlaylistBuilder.SEGMENTS_WITH_PARTS + 1;
            List<StoredPart> parts = media.parts(current.id(), partsFrom);
            Optional<PlaylistBuilder.Edge> edge = PlaylistBuilder.edge(segments, parts);
            if (blocking != null) {
                checkReach(blocking, edge);
            }
            Optional<MediaPlaylist> playlist = settings.playlists().live(segments, parts, uriPrefix);
            if (playlist.isPresent() && (blocking == null || reached(blocking, edge.orElseThrow()))) {
                return new PlaylistAnswer(current, playlist.get().text(), true);
            }
            String id = current.id();
            awaitChange(id, current.mediaVersion(), deadline, () -> blocking == null
                    ? "The recording has no media yet"
                    : "Segment " + blocking.msn() + (blocking.part() == null ? "" : " part " + blocking.part())
                            + " is not there yet");
            current = recordings.find(id).orElseThrow(() -> new PlaybackNotFoundException("Recording " + id + " is gone"));
        }
    }

    /** The multivariant playlist of a recording, naming {@code mediaUri}. */
    public String multivariant(Recording recording, String mediaUri) {
        List<Period> periods = media.periodSummaries(recording.id());
        if (periods.isEmpty()) {
            throw new PlaybackNotFoundException("Recording " + recording.id() + " has no media yet");
        }
        return PlaylistBuilder.multivariant(periods.getFirst(), media.segments(recording.id(),
                config.playback().liveWindowSegments()), mediaUri).text();
    }

    /**
     * A file of a recording by its name in the playlists; a live recording's next part (the preload hint) is
     * waited for.
     */
    public MediaFile file(Recording recording, String name) {
        Matcher match = FILE.matcher(name);
        if (!match.matches()) {
            throw new PlaybackNotFoundException("No file " + name);
        }
        String prefix = recording.storagePrefix();
        if (match.group(1) != null) {
            String key = ObjectKeys.init(prefix, Integer.parseInt(match.group(1)));
            return store.size(key).stream().mapToObj(size -> new MediaFile(key, size, true)).findFirst()
                    .orElseThrow(() -> new PlaybackNotFoundException("No file " + name));
        }
        if (match.group(2) != null) {
            long segment = Long.parseLong(match.group(2));
            StoredSegment stored = media.segment(recording.id(), segment)
                    .orElseThrow(() -> new PlaybackNotFoundException("No file " + name));
            return new MediaFile(ObjectKeys.segment(prefix, segment), stored.sizeBytes(), false);
        }
        long segment = Long.parseLong(match.group(3));
        int part = Integer.parseInt(match.group(4));
        long deadline = System.nanoTime() + config.playback().blockingTimeout().toNanos();
        Recording current = recording;
        while (true) {
            Optional<StoredPart> stored = media.part(current.id(), segment, part);
            if (stored.isPresent()) {
                return new MediaFile(ObjectKeys.part(prefix, segment, part), stored.get().sizeBytes(), false);
            }
            if (current.status() != RecordingStatus.RECORDING || !isNext(current.id(), segment, part)) {
                throw new PlaybackNotFoundException("No file " + name);
            }
            String id = current.id();
            awaitChange(id, current.mediaVersion(), deadline, () -> "Part " + name + " is not there yet");
            current = recordings.find(id).orElseThrow(() -> new PlaybackNotFoundException("No file " + name));
        }
    }

    /** Whether a part is the one a live playlist's preload hint names now. */
    private boolean isNext(String recordingId, long segment, int part) {
        List<StoredSegment> segments = media.segments(recordingId, 1);
        long partsFrom = segments.isEmpty() ? 0 : segments.getLast().segment();
        Optional<PlaylistBuilder.Edge> edge = PlaylistBuilder.edge(segments, media.parts(recordingId, partsFrom));
        PlaylistBuilder.Edge next = edge.map(PlaylistBuilder.Edge::next).orElse(new PlaylistBuilder.Edge(0, 0, false));
        return next.segment() == segment && next.part() == part;
    }

    private static void checkReach(BlockingRequest blocking, Optional<PlaylistBuilder.Edge> edge) {
        long last = edge.map(PlaylistBuilder.Edge::segment).orElse(0L);
        if (blocking.msn() > last + MAX_SEGMENTS_AHEAD) {
            throw new PlaybackRequestTooFarException("_HLS_msn " + blocking.msn() + " is more than "
                    + MAX_SEGMENTS_AHEAD + " segments past the last one, " + last);
        }
        if (blocking.part() != null && edge.isPresent() && blocking.msn() == last
                && blocking.part() > edge.get().part() + MAX_PARTS_AHEAD) {
            throw new PlaybackRequestTooFarException("_HLS_part " + blocking.part() + " is more than " + MAX_PARTS_AHEAD
                    + " parts past the last one, " + edge.get().part());
        }
    }

    /** Whether the segment or part a blocking request names is stored. */
    private static boolean reached(BlockingRequest blocking, PlaylistBuilder.Edge edge) {
        if (blocking.msn() < edge.segment() || blocking.msn() == edge.segment() && edge.segmentComplete()) {
            return true;
        }
        return blocking.part() != null && blocking.msn() == edge.segment() && blocking.part() <= edge.part();
    }

    /** Waits until the recording's media changes; past the deadline, gives up with what {@code missing} says. */
    private void awaitChange(String recordingId, long version, long deadline, Supplier<String> missing) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new PlaybackNotYetException(missing.get() + " after " + config.playback().blockingTimeout().toMillis()
                    + " ms");
        }
        CompletableFuture<Void> change = edges.changeAfter(recordingId, version);
        try {
            change.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            edges.forget(recordingId, change);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlaybackNotYetException("interrupted");
        }
    }

}

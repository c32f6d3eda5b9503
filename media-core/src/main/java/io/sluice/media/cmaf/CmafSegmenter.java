package io.sluice.media.cmaf;

import io.sluice.media.cmaf.SegmenterCheckpoint.TrackPosition;
import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import io.sluice.media.time.RtmpTimestamps;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one stream's configurations and frames into CMAF: an init segment per period, LL-HLS parts of at most
 * the part target, and segments that start on a video key frame once the target duration is reached. Sans-IO:
 * every call returns what is to be stored, in order, and changes nothing outside.
 *
 * <p><b>Time.</b> Each frame's decode time comes from its RTMP timestamp (plus the E-RTMP nanosecond offset),
 * measured from the period's anchor and placed on one recording timeline that never goes back: a new period
 * starts where the last one ended. The composition time offset becomes the sample's composition offset. Each
 * frame waits until the next frame of its track arrives, which tells its duration; the last frame of a period,
 * or of an idle {@link #flush}, gets the duration of the frame before it.
 *
 * <p><b>Periods.</b> A new codec configuration that differs from the period's, a timestamp that goes back within
 * a track or jumps forward by more than the settings allow, and the end of a session close the period; the next
 * frame opens a new one with its own init segment.
 *
 * <p><b>Resuming.</b> Every part and segment end carries a {@link SegmenterCheckpoint}: {@link #resume} from it,
 * then feed again every input of a track numbered above {@link SegmenterCheckpoint#writtenThrough}, and the
 * outputs are the same bytes under the same names as the first time. Not thread-safe.
 */
public final class CmafSegmenter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    /** The duration of a lone video frame with no predecessor to learn from: 1/30 s. */
    private static final long DEFAULT_VIDEO_DURATION = TrackConfigurations.VIDEO_TIMESCALE / 30;
    /** The duration of a lone audio frame: one AAC frame. */
    private static final long DEFAULT_AUDIO_DURATION = 1024;
    /** moof and mdat headers of a part with both tracks, and its per-sample entries. */
    private static final int FRAGMENT_OVERHEAD = 1024;
    private static final int SAMPLE_ENTRY_BYTES = 16;

    private final SegmenterSettings settings;

    private int period;
    private boolean periodOpen;
    private final Map<TrackKind, TrackConfiguration> periodTracks = new EnumMap<>(TrackKind.class);
    private final Map<TrackKind, TrackConfiguration> latestTracks = new EnumMap<>(TrackKind.class);
    private long anchorRtmp;
    private long anchorNanos;
    private long recordingEndNanos;
    private final Map<TrackKind, Track> tracks = new EnumMap<>(TrackKind.class);

    private long segment;
    private boolean segmentOpen;
    private int nextPart;
    private long segmentStartTicks;
    private long segmentDurationMicros;
    private boolean segmentIndependent;
    private long fragmentSequence;

    private final Map<TrackKind, List<CmafSample>> partSamples = new EnumMap<>(TrackKind.class);
    private long partBytes;
    private long partStartTicks = -1;
    private boolean partIndependent;

    private CmafSegmenter(SegmenterSettings settings, SegmenterCheckpoint checkpoint) {
        this.settings = settings;
        this.period = checkpoint.period();
        this.periodOpen = checkpoint.periodOpen();
        this.periodTracks.putAll(checkpoint.periodTracks());
        this.latestTracks.putAll(checkpoint.latestTracks());
        this.anchorRtmp = checkpoint.anchorRtmp();
        this.anchorNanos = checkpoint.anchorNanos();
        this.recordingEndNanos = checkpoint.recordingEndNanos();
        for (TrackKind kind : TrackKind.values()) {
            tracks.put(kind, new Track(checkpoint.tracks().get(kind)));
            partSamples.put(kind, new ArrayList<>());
        }
        this.segment = checkpoint.segment();
        this.segmentOpen = checkpoint.segmentOpen();
        this.nextPart = checkpoint.nextPart();
        this.segmentStartTicks = checkpoint.segmentStartTicks();
        this.segmentDurationMicros = checkpoint.segmentDurationMicros();
        this.segmentIndependent = checkpoint.segmentIndependent();
        this.fragmentSequence = checkpoint.fragmentSequence();
    }

    /** A segmenter for a new recording. */
    public static CmafSegmenter start(SegmenterSettings settings) {
        return new CmafSegmenter(settings, SegmenterCheckpoint.initial());
    }

    /** A segmenter that goes on after the output that carried {@code checkpoint}. */
    public static CmafSegmenter resume(SegmenterSettings settings, SegmenterCheckpoint checkpoint) {
        return new CmafSegmenter(settings, checkpoint);
    }

    /** A track's configuration from now on (a sequence header), input number {@code sequence}. */
    public List<SegmenterOutput> configure(TrackConfiguration configuration, long sequence) {
        latestTracks.put(configuration.kind(), configuration);
        Track track = tracks.get(configuration.kind());
        track.applied = Math.max(track.applied, sequence);
        return List.of();
    }

    /**
     * A coded frame with its message's 32-bit RTMP timestamp, input number {@code sequence}.
     *
     * @throws MediaFormatException for a frame of a track that has no configuration yet, or one larger than a
     *     part may be; nothing changes then
     */
    public List<SegmenterOutput> frame(MediaUnit.Frame frame, long rtmpTimestamp, long sequence) {
        TrackKind kind = frame.kind();
        if (!latestTracks.containsKey(kind)) {
            throw new MediaFormatException(kind + " frame before any " + kind + " configuration");
        }
        LimitExceededException.check("max_fragment_bytes", settings.maxFragmentBytes() - FRAGMENT_OVERHEAD,
                frame.length());
        List<SegmenterOutput> out = new ArrayList<>();
        long timestamp = rtmpTimestamp & (RtmpTimestamps.MODULUS - 1);
        if (periodOpen && (!latestTracks.equals(periodTracks) || jumps(kind, timestamp))) {
            closePeriod(out);
        }
        if (!periodOpen) {
            openPeriod(timestamp, out);
        }
        Track track = tracks.get(kind);
        long offsetMillis = track.seen ? track.offsetMillis + RtmpTimestamps.difference(track.rtmp, timestamp)
                : RtmpTimestamps.difference(anchorRtmp, timestamp);
        int timescale = periodTracks.get(kind).timescale();
        long nanos = anchorNanos + offsetMillis * NANOS_PER_MILLI + frame.timestampNanos();
        // Decode times never go back within a track, whatever a nanosecond offset or a clamped start says.
        long floor = track.pending != null ? track.pending.sample.decodeTime() : track.endTicks;
        long decodeTime = Math.max(toTicks(Math.max(0, nanos), timescale), floor);
        long presentation = toTicks(Math.max(0, nanos + frame.compositionTimeMillis() * NANOS_PER_MILLI), timescale);
        int composition = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, presentation - decodeTime));
        var pending = new Pending(new CmafSample(decodeTime, 0, composition, frame.keyframe(), frame.data(),
                frame.offset(), frame.length()), timestamp, offsetMillis, sequence);
        if (track.pending != null) {
            append(kind, track.pending, decodeTime - track.pending.sample.decodeTime(), out);
        }
        if (kind == leadingKind()) {
            cutBefore(pending.sample, out);
        }
        track.pending = pending;
        track.seen = true;
        track.rtmp = timestamp;
        track.offsetMillis = offsetMillis;
        return out;
    }

    /**
     * Stores what is held back: every waiting frame, with its predecessor's duration, goes into a part, which is
     * given out. For a stream that stopped sending without ending: its frames are stored, and the inputs they
     * came from need not be kept any longer. The segment stays open.
     */
    public List<SegmenterOutput> flush() {
        List<SegmenterOutput> out = new ArrayList<>();
        appendPending(out);
        emitPart(out);
        return out;
    }

    /**
     * The session ended: everything is stored, the segment and the period are closed, and the next session's
     * frames, after their own configurations, start a new period where this one ended. Input numbers start again.
     */
    public List<SegmenterOutput> endSession() {
        List<SegmenterOutput> out = new ArrayList<>();
        if (periodOpen) {
            closePeriod(out);
        }
        latestTracks.clear();
        for (Track track : tracks.values()) {
            track.applied = 0;
            track.written = 0;
        }
        return out;
    }

    /** The state after the last output, without the frames still held back; see {@link SegmenterCheckpoint}. */
    public SegmenterCheckpoint checkpoint() {
        Map<TrackKind, TrackPosition> positions = new EnumMap<>(TrackKind.class);
        for (Map.Entry<TrackKind, Track> entry : tracks.entrySet()) {
            positions.put(entry.getKey(), entry.getValue().position());
        }
        return new SegmenterCheckpoint(period, periodOpen, periodTracks, latestTracks, anchorRtmp, anchorNanos,
                recordingEndNanos, positions, segment, segmentOpen, nextPart, segmentStartTicks, segmentDurationMicros,
                segmentIndependent, fragmentSequence);
    }

    /** Whether a frame of {@code kind} at {@code timestamp} breaks the period's timeline. */
    private boolean jumps(TrackKind kind, long timestamp) {
        Track track = tracks.get(kind);
        long delta = RtmpTimestamps.difference(track.seen ? track.rtmp : anchorRtmp, timestamp);
        if (!track.seen) {
            return Math.abs(delta) > settings.maxTimestampGapMillis();
        }
        return delta < 0 || delta > settings.maxTimestampGapMillis();
    }

    private void openPeriod(long timestamp, List<SegmenterOutput> out) {
        period++;
        periodOpen = true;
        periodTracks.clear();
        periodTracks.putAll(latestTracks);
        anchorRtmp = timestamp;
        anchorNanos = recordingEndNanos;
        for (Map.Entry<TrackKind, Track> entry : tracks.entrySet()) {
            Track track = entry.getValue();
            TrackConfiguration configuration = periodTracks.get(entry.getKey());
            track.seen = false;
            track.appended = false;
            track.endTicks = configuration == null ? 0 : toTicks(recordingEndNanos, configuration.timescale());
            track.lastDuration = 0;
            track.previousDuration = 0;
        }
        List<TrackConfiguration> initTracks = List.copyOf(periodTracks.values());
        out.add(new SegmenterOutput.Init(period, initTracks, InitSegment.write(initTracks)));
    }

    private void closePeriod(List<SegmenterOutput> out) {
        appendPending(out);
        emitPart(out);
        closeSegment(out);
        long end = recordingEndNanos;
        for (Map.Entry<TrackKind, TrackConfiguration> entry : periodTracks.entrySet()) {
            Track track = tracks.get(entry.getKey());
            if (track.appended) {
                end = Math.max(end, toNanos(track.endTicks, entry.getValue().timescale()));
            }
        }
        recordingEndNanos = end;
        periodOpen = false;
    }

    /** The track whose frames decide where parts and segments are cut: video when the period has video. */
    private TrackKind leadingKind() {
        return periodTracks.containsKey(TrackKind.VIDEO) ? TrackKind.VIDEO : TrackKind.AUDIO;
    }

    /** Before the leading track's frame {@code next} joins a part: close the segment or the part if it is time. */
    private void cutBefore(CmafSample next, List<SegmenterOutput> out) {
        if (partStartTicks < 0) {
            return;
        }
        int timescale = periodTracks.get(leadingKind()).timescale();
        long segmentTicks = next.decodeTime() - segmentStartTicks;
        if (segmentOpen && next.sync() && segmentTicks >= settings.targetSegmentMillis() * timescale / 1000) {
            emitPart(out);
            closeSegment(out);
            return;
        }
        Track leading = tracks.get(leadingKind());
        long estimate = Math.max(leading.lastDuration, leading.previousDuration);
        if (next.decodeTime() - partStartTicks + estimate > settings.partTargetMillis() * timescale / 1000) {
            emitPart(out);
        }
    }

    private void appendPending(List<SegmenterOutput> out) {
        for (Map.Entry<TrackKind, Track> entry : tracks.entrySet()) {
            Track track = entry.getValue();
            if (track.pending != null) {
                long estimate = track.lastDuration > 0 ? track.lastDuration
                        : entry.getKey() == TrackKind.VIDEO ? DEFAULT_VIDEO_DURATION : DEFAULT_AUDIO_DURATION;
                append(entry.getKey(), track.pending, estimate, out);
            }
        }
    }

    private void append(TrackKind kind, Pending pending, long duration, List<SegmenterOutput> out) {
        List<CmafSample> samples = partSamples.get(kind);
        int count = partSamples.get(TrackKind.VIDEO).size() + partSamples.get(TrackKind.AUDIO).size();
        long size = pending.sample.length() + (long) SAMPLE_ENTRY_BYTES;
        if (count >= settings.maxPartSamples()
                || partBytes + size > settings.maxFragmentBytes() - (long) FRAGMENT_OVERHEAD) {
            emitPart(out);
        }
        CmafSample sample = pending.sample.withDuration((int) Math.min(Integer.MAX_VALUE, duration));
        samples.add(sample);
        partBytes += size;
        segmentOpen = true;
        if (kind == leadingKind() && partStartTicks < 0) {
            partStartTicks = sample.decodeTime();
            partIndependent = sample.sync();
            if (segmentStartTicks < 0) {
                segmentStartTicks = sample.decodeTime();
                segmentIndependent = sample.sync();
            }
        }
        Track track = tracks.get(kind);
        track.pending = null;
        track.appended = true;
        track.appendedRtmp = pending.rtmp;
        track.appendedOffsetMillis = pending.offsetMillis;
        track.endTicks = sample.decodeTime() + sample.duration();
        track.previousDuration = track.lastDuration;
        track.lastDuration = sample.duration();
        track.written = Math.max(track.written, pending.sequence);
    }

    private void emitPart(List<SegmenterOutput> out) {
        List<TrackRun> runs = new ArrayList<>(2);
        for (TrackKind kind : TrackKind.values()) {
            List<CmafSample> samples = partSamples.get(kind);
            if (!samples.isEmpty()) {
                runs.add(new TrackRun(kind, samples.getFirst().decodeTime(), samples));
            }
        }
        if (runs.isEmpty()) {
            return;
        }
        TrackRun timing = runs.stream().filter(run -> run.kind() == leadingKind()).findFirst().orElse(runs.getFirst());
        int timescale = periodTracks.get(timing.kind()).timescale();
        long start = timing.kind() == leadingKind() && partStartTicks >= 0 ? partStartTicks : timing.baseDecodeTime();
        long durationMicros = toMicros(timing.endDecodeTime() - start, timescale);
        byte[] bytes = FragmentWriter.write(fragmentSequence++, runs, settings.maxFragmentBytes());
        boolean independent = partStartTicks >= 0 ? partIndependent : timing.kind() == TrackKind.AUDIO;
        if (nextPart == 0 && segmentStartTicks < 0) {
            segmentIndependent = independent;
        }
        int part = nextPart++;
        segmentDurationMicros += durationMicros;
        partSamples.values().forEach(List::clear);
        partBytes = 0;
        partStartTicks = -1;
        partIndependent = false;
        out.add(new SegmenterOutput.Part(segment, part, period, durationMicros, independent, bytes, checkpoint()));
    }

    private void closeSegment(List<SegmenterOutput> out) {
        if (!segmentOpen || nextPart == 0) {
            return;
        }
        long closed = segment;
        int parts = nextPart;
        long duration = segmentDurationMicros;
        boolean independent = segmentIndependent;
        segment++;
        segmentOpen = false;
        nextPart = 0;
        segmentStartTicks = -1;
        segmentDurationMicros = 0;
        segmentIndependent = false;
        out.add(new SegmenterOutput.SegmentEnd(closed, period, duration, parts, independent, checkpoint()));
    }

    /** floor(nanos * timescale / 10^9) without overflow for any recording length. */
    static long toTicks(long nanos, int timescale) {
        return nanos / NANOS_PER_SECOND * timescale + nanos % NANOS_PER_SECOND * timescale / NANOS_PER_SECOND;
    }

    private static long toNanos(long ticks, int timescale) {
        return ticks / timescale * NANOS_PER_SECOND + ticks % timescale * NANOS_PER_SECOND / timescale;
    }

    private static long toMicros(long ticks, int timescale) {
        return ticks / timescale * 1_000_000L + ticks % timescale * 1_000_000L / timescale;
    }

    /** A frame waiting for its successor, which tells its duration. */
    private record Pending(CmafSample sample, long rtmp, long offsetMillis, long sequence) {
    }

    /** Where one track stands, the frame it holds back included. */
    private static final class Track {
        /** A frame of the period arrived (stored or held back); {@link #rtmp} is the newest one's. */
        boolean seen;
        long rtmp;
        long offsetMillis;
        boolean appended;
        long appendedRtmp;
        long appendedOffsetMillis;
        long endTicks;
        long lastDuration;
        long previousDuration;
        /** Highest input number stored in a part. */
        long written;
        /** Highest input number taken in, held back or not. */
        long applied;
        Pending pending;

        Track(TrackPosition position) {
            this.appended = position.appended();
            this.seen = position.appended();
            this.rtmp = position.rtmpTimestamp();
            this.appendedRtmp = position.rtmpTimestamp();
            this.offsetMillis = position.offsetMillis();
            this.appendedOffsetMillis = position.offsetMillis();
            this.endTicks = position.endTicks();
            this.lastDuration = position.lastDuration();
            this.previousDuration = position.previousDuration();
            this.written = position.writtenThrough();
            this.applied = position.writtenThrough();
        }

        /** Without the frame held back: what is stored. */
        TrackPosition position() {
            long through = Math.max(written, applied);
            if (pending != null) {
                through = Math.min(through, pending.sequence - 1);
            }
            return new TrackPosition(appended, appendedRtmp, appendedOffsetMillis, endTicks, lastDuration,
                    previousDuration, through);
        }
    }
}

package io.sluice.recording.domain;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sluice.media.cmaf.CheckpointCodec;
import io.sluice.media.cmaf.CmafSegmenter;
import io.sluice.media.cmaf.FragmentReader;
import io.sluice.media.cmaf.MediaUnit;
import io.sluice.media.cmaf.SegmenterCheckpoint;
import io.sluice.media.cmaf.SegmenterOutput;
import io.sluice.media.cmaf.TagSampler;
import io.sluice.media.cmaf.TrackKind;
import io.sluice.media.error.MediaFormatException;
import io.sluice.recording.objects.ObjectKeys;
import io.sluice.recording.objects.ObjectStore;
import io.sluice.recording.storage.MediaRepository;
import io.sluice.recording.storage.RecorderStateRepository;
import io.sluice.recording.storage.RecorderStateRepository.RecorderState;
import io.sluice.recording.storage.RecordingRepository;
import io.sluice.recording.storage.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Records streams: decides which recording a session belongs to, turns its media into CMAF through media-core's
 * segmenter, writes what comes out to the object store at once and what it means to the database in the
 * caller's {@link StoreBatch}, and says of every media record whether it is stored or skipped.
 *
 * <p>A session that starts within the stream's reconnect window after the last one ended (or while the last one
 * is still live: a takeover) continues the same recording in a new period; any other starts a new recording and
 * finishes the open one. Session starts take effect at once, in a transaction of their own, under the open
 * recording's row lock, so that the sweeper finishing recordings and a new session never both win.
 */
@ApplicationScoped
public class MediaRecorder {

    private static final Logger LOG = Logger.getLogger(MediaRecorder.class);
    /** Segments before the newest whose parts stay stored: what live playlists list, and one more. */
    private static final int PART_SEGMENTS_KEPT = PlaylistBuilder.SEGMENTS_WITH_PARTS + 1;

    private final RecordingSettings settings;
    private final ObjectStore store;
    private final RecordingRepository recordings;
    private final MediaRepository media;
    private final SessionRepository sessions;
    private final RecorderStateRepository states;
    private final RecordingEventOutbox events;
    private final RecordingFinisher finisher;
    private final LiveEdges liveEdges;
    private final MeterRegistry meters;
    private final TagSampler sampler;
    private final Timer partLatency;
    /** Deletes the objects of parts dropped from the live edge, one round's after the other's. */
    private final ExecutorService deleter = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("recording-part-deleter").daemon().uncaughtExceptionHandler((thread, e) -> LOG.warnf(
                    "Deleting parts dropped from the live edge failed; they stay until their recording goes: %s",
                    e.toString())).factory());

    MediaRecorder(RecordingSettings settings, ObjectStore store, RecordingRepository recordings, MediaRepository media,
            SessionRepository sessions, RecorderStateRepository states, RecordingEventOutbox events,
            RecordingFinisher finisher, LiveEdges liveEdges, MeterRegistry meters) {
        this.settings = settings;
        this.store = store;
        this.recordings = recordings;
        this.media = media;
        this.sessions = sessions;
        this.states = states;
        this.events = events;
        this.finisher = finisher;
        this.liveEdges = liveEdges;
        this.meters = meters;
        this.sampler = new TagSampler(settings.tagLimits(), settings.codecLimits());
        this.partLatency = Timer.builder("sluice.recording.part.latency")
                .description("From the ingest's receipt of a part's first frame to the part being stored and listed")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(meters);
    }

    /** An empty batch, for a round of recording. */
    public StoreBatch newBatch() {
        return new StoreBatch(store, deleter, media, recordings, states);
    }

    /**
     * The stream's recorder as stored, or a new one that records nothing until a session starts. Loading takes the
     * stream over: an instance that recorded it before (and may not know yet that it lost the partition) can write
     * none of it any more.
     */
    public StreamRecorder load(String streamId) {
        StreamRecorder recorder = new StreamRecorder(streamId);
        Optional<RecorderStateRepository.Claimed> claimed = states.claim(streamId);
        if (claimed.isPresent()) {
            recorder.epoch = claimed.get().epoch();
            RecorderState state = claimed.get().state();
            Optional<Recording> recording = recordings.find(state.recordingId());
            if (recording.isPresent() && recording.get().status() == RecordingStatus.RECORDING) {
                adopt(recorder, recording.get(), state);
            }
        }
        return recorder;
    }

    /**
     * A session started: it joins the open recording or starts a new one, at once. Run it after the batch before
     * it is committed, so that the database sees the stream's events in order.
     */
    public void sessionStarted(StreamRecorder recorder, StreamInfo stream, String sessionId, Instant startedAt) {
        StoreBatch batch = newBatch();
        if (recorder.recording != null && recorder.sessionId != null && !recorder.sessionEnded
                && !recorder.sessionId.equals(sessionId)) {
            // The previous session never ended on the log (a takeover, or its ingest died): its media is complete.
            write(recorder, recorder.segmenter.endSession(), batch);
            String previous = recorder.sessionId;
            Recording recording = recorder.recording;
            batch.change(() -> sessions.end(recording.id(), previous, startedAt, "superseded"));
        }
        batch.fence(recorder.streamId, recorder.epoch);
        Runnable[] then = new Runnable[1];
        batch.change(() -> then[0] = decide(recorder, stream, sessionId, startedAt));
        batch.commit();
        then[0].run();
        liveEdges.changed(recorder.recording == null ? null : recorder.recording.id());
    }

    /** Inside the session start's transaction: what the recorder becomes once it has committed. */
    private Runnable decide(StreamRecorder recorder, StreamInfo stream, String sessionId, Instant startedAt) {
        if (sessionId.equals(recorder.sessionId)) {
            return () -> { };
        }
        Optional<RecorderState> stored = states.find(recorder.streamId);
        if (stored.isPresent() && stored.get().sessionId().equals(sessionId)) {
            // Read again after a restart: it took effect the first time.
            Optional<Recording> recording = recordings.find(stored.get().recordingId());
            return () -> recording.ifPresent(r -> adopt(recorder, r, stored.get()));
        }
        Optional<Recording> open = recordings.findOpenForUpdate(recorder.streamId);
        // The recorder holds the open recording's timeline unless the stream's state was lost; then the open
        // recording is finished rather than continued on a timeline that would overwrite it.
        boolean continuable = open.isPresent() && recorder.recording != null
                && recorder.recording.id().equals(open.get().id());
        if (continuable && joins(open.get(), startedAt)) {
            Recording recording = open.get();
            sessions.add(recording.id(), sessionId, startedAt);
            recordings.setEndedAt(recording.id(), null);
            SegmenterCheckpoint checkpoint = recorder.segmenter.checkpoint();
            RecorderState state = new RecorderState(recorder.streamId, recording.id(), sessionId, false,
                    CheckpointCodec.encode(checkpoint));
            long epoch = states.save(state, recorder.epoch);
            LOG.infof("Session %s of stream %s continues recording %s", sessionId, recorder.streamId, recording.id());
            return () -> {
                recorder.epoch = epoch;
                adopt(recorder, recordings.find(recording.id()).orElse(recording), state);
            };
        }
        open.ifPresent(finisher::finish);
        Recording created = new Recording(RecordingIds.next(), stream.tenant(), stream.streamId(), stream.playbackId(),
                stream.recording(), RecordingStatus.RECORDING, stream.reconnectWindowSeconds(), startedAt, null, null,
                null, null, 0, 0, 0, null, 0);
        recordings.insert(created);
        sessions.add(created.id(), sessionId, startedAt);
        RecorderState state = new RecorderState(recorder.streamId, created.id(), sessionId, false,
                CheckpointCodec.encode(SegmenterCheckpoint.initial()));
        long epoch = states.save(state, recorder.epoch);
        if (created.keep()) {
            events.started(created, sessionId);
        }
        LOG.infof("Session %s of stream %s starts recording %s", sessionId, recorder.streamId, created.id());
        return () -> {
            recorder.epoch = epoch;
            adopt(recorder, created, state);
        };
    }

    /** Whether a session starting at {@code startedAt} continues {@code open}. */
    private static boolean joins(Recording open, Instant startedAt) {
        return open.endedAt() == null
                || !startedAt.isAfter(open.endedAt().plusSeconds(open.reconnectWindowSeconds()));
    }

    private void adopt(StreamRecorder recorder, Recording recording, RecorderState state) {
        SegmenterCheckpoint checkpoint = CheckpointCodec.decode(state.checkpoint(), settings.codecLimits());
        recorder.recording = recording;
        recorder.sessionId = state.sessionId();
        recorder.sessionEnded = state.sessionEnded();
        recorder.endDurable = state.sessionEnded();
        recorder.segmenter = CmafSegmenter.resume(settings.segmenter(), checkpoint);
        recorder.durable = checkpoint;
        recorder.written = checkpoint;
        recorder.holding = false;
        recorder.lastSequence = 0;
        recorder.openParts.clear();
    }

    /**
     * One media record of a session: a sequence header or a frame goes into the segmenter, anything else
     * (metadata and data messages, {@code kind} null) is skipped. What the segmenter gives out is written to the
     * store now and to the database in {@code batch}.
     */
    public MediaOutcome media(StreamRecorder recorder, String sessionId, long sequence, TrackKind kind,
            long rtmpTimestamp, byte[] body, Instant receivedAt, StoreBatch batch) {
        if (recorder.recording == null) {
            return MediaOutcome.NO_RECORDING;
        }
        if (!sessionId.equals(recorder.sessionId) || recorder.sessionEnded) {
            return MediaOutcome.STALE_SESSION;
        }
        if (recorder.lastSequence > 0 && sequence > recorder.lastSequence + 1) {
            meters.counter("sluice.recording.media.sequence.gaps").increment();
            LOG.warnf("Stream %s session %s: media sequence jumps from %d to %d; the records between are not on"
                    + " the log", recorder.streamId, sessionId, recorder.lastSequence, sequence);
        }
        recorder.lastSequence = Math.max(recorder.lastSequence, sequence);
        if (kind == null) {
            return MediaOutcome.IGNORED;
        }
        if (recorder.durable != null && sequence <= recorder.durable.writtenThrough(kind)) {
            return MediaOutcome.DUPLICATE;
        }
        MediaUnit unit;
        List<SegmenterOutput> outputs;
        try {
            unit = kind == TrackKind.VIDEO ? sampler.video(body) : sampler.audio(body);
            outputs = switch (unit) {
                case MediaUnit.Configuration configuration ->
                        recorder.segmenter.configure(configuration.configuration(), sequence);
                case MediaUnit.Frame frame -> recorder.segmenter.frame(frame, rtmpTimestamp, sequence);
                case MediaUnit.Skipped skipped -> null;
            };
        } catch (MediaFormatException e) {
            LOG.warnf("Stream %s session %s: %s record %d is malformed and not recorded: %s", recorder.streamId,
                    sessionId, kind, sequence, e.getMessage());
            return MediaOutcome.MALFORMED;
        }
        if (outputs == null) {
            return ((MediaUnit.Skipped) unit).unsupported() ? MediaOutcome.UNSUPPORTED : MediaOutcome.IGNORED;
        }
        if (!recorder.holding || recorder.oldestReceived == null) {
            recorder.oldestReceived = receivedAt;
        }
        recorder.holding = true;
        recorder.lastInputNanos = System.nanoTime();
        write(recorder, outputs, batch);
        if (outputs.stream().anyMatch(SegmenterOutput.Part.class::isInstance)) {
            // What comes after a part waits for the next one; its frames arrived from this record on.
            recorder.oldestReceived = receivedAt;
        }
        return MediaOutcome.TAKEN;
    }

    /** The session ended: everything held back is stored, and the recording waits for a reconnect. */
    public void sessionEnded(StreamRecorder recorder, String sessionId, Instant endedAt, String reason,
            StoreBatch batch) {
        if (recorder.recording == null || !sessionId.equals(recorder.sessionId) || recorder.sessionEnded) {
            if (recorder.recording != null) {
                Recording recording = recorder.recording;
                batch.change(() -> sessions.end(recording.id(), sessionId, endedAt, reason));
            }
            return;
        }
        write(recorder, recorder.segmenter.endSession(), batch);
        recorder.sessionEnded = true;
        recorder.holding = false;
        Recording recording = recorder.recording;
        RecorderState state = new RecorderState(recorder.streamId, recording.id(), sessionId, true,
                CheckpointCodec.encode(recorder.segmenter.checkpoint()));
        long epoch = recorder.epoch;
        batch.fence(recorder.streamId, epoch);
        batch.change(() -> {
            sessions.end(recording.id(), sessionId, endedAt, reason);
            recordings.setEndedAt(recording.id(), endedAt);
        });
        batch.state(state, epoch);
        batch.afterCommit(() -> {
            recorder.endDurable = true;
            liveEdges.changed(recording.id());
        });
    }

    /** Nothing came for the idle timeout: what the segmenter holds back is stored now. */
    public void flushIdle(StreamRecorder recorder, StoreBatch batch) {
        if (recorder.recording != null && !recorder.sessionEnded) {
            write(recorder, recorder.segmenter.flush(), batch);
        }
        recorder.holding = false;
    }

    /** Writes outputs to the store now and records them in {@code batch}. */
    private void write(StreamRecorder recorder, List<SegmenterOutput> outputs, StoreBatch batch) {
        if (outputs.isEmpty()) {
            return;
        }
        Recording recording = recorder.recording;
        String prefix = recording.storagePrefix();
        long epoch = recorder.epoch;
        batch.fence(recorder.streamId, epoch);
        SegmenterCheckpoint checkpoint = null;
        for (SegmenterOutput output : outputs) {
            switch (output) {
                case SegmenterOutput.Init init -> {
                    batch.put(ObjectKeys.init(prefix, init.period()), init.bytes());
                    Period period = Period.of(init.period(), init.tracks());
                    batch.change(() -> media.insertPeriod(recording.id(), period));
                }
                case SegmenterOutput.Part part -> {
                    batch.put(ObjectKeys.part(prefix, part.segment(), part.part()), part.bytes());
                    recorder.openParts.computeIfAbsent(part.segment(), s -> new TreeMap<>()).put(part.part(), part.bytes());
                    StoredPart stored = new StoredPart(part.segment(), part.part(), part.period(), part.durationMicros(),
                            part.bytes().length, part.independent());
                    batch.part(recording.id(), stored);
                    meters.counter("sluice.recording.parts.stored").increment();
                    Instant oldest = recorder.oldestReceived;
                    if (oldest != null) {
                        batch.afterCommit(() -> partLatency.record(Duration.between(oldest, Instant.now())));
                    }
                    checkpoint = part.checkpoint();
                }
                case SegmenterOutput.SegmentEnd end -> {
                    byte[] bytes = segmentBytes(recorder, prefix, end);
                    batch.put(ObjectKeys.segment(prefix, end.segment()), bytes);
                    byte[] index = FragmentReader.index(bytes, FragmentReader.Limits.DEFAULTS);
                    StoredSegment segment = new StoredSegment(end.segment(), end.period(), end.durationMicros(),
                            bytes.length, end.independent());
                    batch.segment(recording.id(), prefix, segment, index, end.segment() - PART_SEGMENTS_KEPT + 1);
                    meters.counter("sluice.recording.segments.stored").increment();
                    checkpoint = end.checkpoint();
                }
            }
        }
        if (checkpoint != null) {
            SegmenterCheckpoint last = checkpoint;
            recorder.written = last;
            RecorderState state = new RecorderState(recorder.streamId, recording.id(), recorder.sessionId,
                    recorder.sessionEnded, CheckpointCodec.encode(last));
            batch.state(state, epoch);
            batch.afterCommit(() -> {
                if (recorder.recording == recording) {
                    recorder.durable = last;
                }
                liveEdges.changed(recording.id());
            });
        }
    }

    /** A segment is its parts in order: from memory, or from the store for parts written before a restart. */
    private byte[] segmentBytes(StreamRecorder recorder, String prefix, SegmenterOutput.SegmentEnd end) {
        Map<Integer, byte[]> cached = recorder.openParts.remove(end.segment());
        List<byte[]> parts = new ArrayList<>(end.parts());
        int size = 0;
        for (int part = 0; part < end.parts(); part++) {
            byte[] bytes = cached == null ? null : cached.get(part);
            // A part written before a restart is read back; one of this round is still in memory.
            parts.add(bytes != null ? bytes : store.read(ObjectKeys.part(prefix, end.segment(), part)));
            size += parts.getLast().length;
        }
        // Sized once: a growing buffer copied each segment's megabyte several times over.
        byte[] segment = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, segment, at, part.length);
            at += part.length;
        }
        return segment;
    }
}

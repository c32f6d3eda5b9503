package io.sluice.recording.domain;

import io.sluice.media.cmaf.CmafSegmenter;
import io.sluice.media.cmaf.SegmenterCheckpoint;
import io.sluice.media.cmaf.TrackKind;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stream's recording in progress, in the memory of the consumer that owns the stream's partition: the
 * recording and session it records, its segmenter, and what of it is durable. Not thread-safe; a consumer that
 * loses the partition forgets it, and the next owner starts from the stored state.
 *
 * <p>Owned by the consumer thread, except what a stored round's after-commit actions set on the thread that
 * stores rounds while the consumer reads the next: what is durable ({@link #durable}, {@link #endDurable}). Those
 * are volatile, so that the consumer sees a round durable as soon as it is. The recording changes only while no
 * round is in flight.
 */
public final class StreamRecorder {

    final String streamId;
    /** The epoch this instance claimed the stream with; {@code 0} while nothing of it is stored. */
    long epoch;
    volatile Recording recording;
    String sessionId;
    /** The session's end is taken in (its outputs written); {@link #endDurable} once that is committed. */
    boolean sessionEnded;
    volatile boolean endDurable;
    CmafSegmenter segmenter;
    /** The checkpoint of the last committed output: inputs of a track numbered up to it are stored. */
    volatile SegmenterCheckpoint durable;
    /** The newest checkpoint written in the round being stored. */
    SegmenterCheckpoint written;
    /** Frames went in since the last output: an idle flush has something to store. */
    boolean holding;
    long lastInputNanos;
    /** When the ingest received the oldest frame not yet in a stored part: where a part's latency starts. */
    java.time.Instant oldestReceived;
    long lastSequence;
    /** The parts of the open segment, by segment and part, kept to write the segment without reading them back. */
    final Map<Long, TreeMap<Integer, byte[]>> openParts = new HashMap<>();

    StreamRecorder(String streamId) {
        this.streamId = streamId;
    }

    public String streamId() {
        return streamId;
    }

    /** The session whose media is recorded, or null. */
    public String sessionId() {
        return sessionId;
    }

    /**
     * Whether input {@code sequence} of track {@code kind} of {@code session}, once taken, is durably stored. A
     * session that is no longer the recorded one was stored whole when the next one took over.
     */
    public boolean isDurable(String session, TrackKind kind, long sequence) {
        if (!session.equals(sessionId) || endDurable) {
            return true;
        }
        return durable != null && durable.writtenThrough(kind) >= sequence;
    }

    /** Whether frames wait for their successor and nothing came for {@code idleNanos}. */
    public boolean isIdle(long nowNanos, long idleNanos) {
        return holding && nowNanos - lastInputNanos >= idleNanos;
    }
}

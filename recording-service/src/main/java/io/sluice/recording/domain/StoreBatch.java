package io.sluice.recording.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sluice.recording.objects.ObjectKeys;
import io.sluice.recording.objects.ObjectStore;
import io.sluice.recording.storage.MediaRepository;
import io.sluice.recording.storage.MediaRepository.RecordingPart;
import io.sluice.recording.storage.MediaRepository.RecordingSegment;
import io.sluice.recording.storage.RecorderStateRepository;
import io.sluice.recording.storage.RecorderStateRepository.Held;
import io.sluice.recording.storage.RecorderStateRepository.RecorderState;
import io.sluice.recording.storage.RecordingRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * What a round of recording stores: objects, then what they mean to the database, then what may only happen
 * after that. {@link #commit} opens one transaction, holds the rows of the streams it writes and checks that this
 * instance still owns each ({@link #fence}), stores every object as one group ({@link ObjectStore#putAll}), and
 * only once all are durable applies the database changes and commits, then runs the after-commit actions
 * (deleting objects no row names any more, telling the consumer what is durable, waking held requests). An
 * instance that has lost a stream to another writes none of the round.
 *
 * <p>The round's cost does not grow with the parts it holds: the parts, segments and recorder states of all its
 * streams go to the database in one batch each ({@link Metadata}), whatever their number, and its objects are
 * made durable as one group. Other changes ({@link #change}) run in the order added, between them.
 */
public final class StoreBatch {

    private final ObjectStore store;
    private final Executor deleter;
    private final MediaRepository media;
    private final RecordingRepository recordings;
    private final RecorderStateRepository states;
    private final Map<String, Long> epochs = new LinkedHashMap<>();
    private final Map<String, byte[]> objects = new LinkedHashMap<>();
    private long objectBytes;
    /** Database work in order: other changes, and the batched metadata gathered between them. */
    private final List<Runnable> changes = new ArrayList<>();
    private Metadata metadata = new Metadata();
    private final List<Runnable> afterCommit = new ArrayList<>();

    StoreBatch(ObjectStore store, Executor deleter, MediaRepository media, RecordingRepository recordings,
            RecorderStateRepository states) {
        this.store = store;
        this.deleter = deleter;
        this.media = media;
        this.recordings = recordings;
        this.states = states;
    }

    /**
     * The round writes stream {@code streamId}, which this instance claimed with {@code epoch} ({@code 0}: no
     * state of it is stored yet): the commit writes nothing unless the stream is still held with that epoch.
     */
    public void fence(String streamId, long epoch) {
        epochs.put(streamId, epoch);
    }

    /** An object to store before the database changes; a later put of the same key replaces it. */
    public void put(String key, byte[] bytes) {
        byte[] replaced = objects.put(key, bytes);
        objectBytes += bytes.length - (replaced == null ? 0 : replaced.length);
    }

    /** The bytes of the objects the round holds: what its commit writes. */
    public long objectBytes() {
        return objectBytes;
    }

    /** A database change, run inside the batch's transaction in the order added. */
    public void change(Runnable change) {
        sealMetadata();
        changes.add(change);
    }

    /** A part of a recording, stored with the round's other parts in one batch. */
    void part(String recordingId, StoredPart part) {
        metadata.parts.add(new RecordingPart(recordingId, part));
        metadata.touched.add(recordingId);
    }

    /**
     * A complete segment of a recording, stored with the round's other segments in one batch; the parts of the
     * recording's segments before {@code dropPartsBefore} are deleted, rows and objects.
     */
    void segment(String recordingId, String prefix, StoredSegment segment, byte[] fragmentIndex,
            long dropPartsBefore) {
        metadata.segments.add(new RecordingSegment(recordingId, segment, fragmentIndex));
        metadata.dropPartsBefore.merge(recordingId, dropPartsBefore, Math::max);
        metadata.prefixes.put(recordingId, prefix);
    }

    /** A stream's recorder state, saved if the stream is still held with {@code epoch}; the last one wins. */
    void state(RecorderState state, long epoch) {
        metadata.states.put(state.streamId(), new Held(state, epoch));
    }

    /** Runs once the transaction has committed. */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    public boolean isEmpty() {
        return objects.isEmpty() && changes.isEmpty() && metadata.isEmpty() && afterCommit.isEmpty()
                && epochs.isEmpty();
    }

    /**
     * Holds and checks the fenced streams, stores the objects and applies the changes in one transaction, then
     * runs the after-commit actions; empties the batch.
     *
     * @throws RecorderFencedException another instance has taken one of the round's streams over
     */
    public void commit() {
        sealMetadata();
        if (changes.isEmpty() && epochs.isEmpty()) {
            store.putAll(objects);
        } else {
            Map<String, Long> holding = Map.copyOf(epochs);
            List<Runnable> applying = List.copyOf(changes);
            Map<String, byte[]> writing = objects;
            QuarkusTransaction.requiringNew().run(() -> {
                states.hold(holding);
                store.putAll(writing);
                applying.forEach(Runnable::run);
            });
        }
        List<Runnable> then = List.copyOf(afterCommit);
        clear();
        then.forEach(Runnable::run);
    }

    /** Forgets everything: the round failed and will be read again. */
    public void clear() {
        epochs.clear();
        objects.clear();
        objectBytes = 0;
        changes.clear();
        metadata = new Metadata();
        afterCommit.clear();
    }

    /** The metadata gathered since the last other change goes in as one step, before what comes next. */
    private void sealMetadata() {
        if (metadata.isEmpty()) {
            return;
        }
        Metadata sealed = metadata;
        metadata = new Metadata();
        List<String> dropped = new ArrayList<>();
        changes.add(() -> sealed.apply(dropped));
        // The objects of deleted part rows go once no committed row names them, off the round: nothing reads or
        // writes them again, and one that stays after a failure goes with its recording.
        afterCommit.add(() -> {
            if (!dropped.isEmpty()) {
                deleter.execute(() -> store.delete(dropped));
            }
        });
    }

    /** Parts, segments and recorder states of a round's streams, written in a handful of statements. */
    private final class Metadata {

        final List<RecordingPart> parts = new ArrayList<>();
        final List<RecordingSegment> segments = new ArrayList<>();
        final Map<String, Long> dropPartsBefore = new LinkedHashMap<>();
        final Map<String, String> prefixes = new HashMap<>();
        final Set<String> touched = new LinkedHashSet<>();
        final Map<String, Held> states = new LinkedHashMap<>();

        boolean isEmpty() {
            return parts.isEmpty() && segments.isEmpty() && states.isEmpty();
        }

        /** Writes it all; {@code dropped} receives the keys of the part objects whose rows it deleted. */
        void apply(List<String> dropped) {
            media.insertParts(parts);
            media.insertSegments(segments);
            for (MediaRepository.PartPlace part : media.deletePartsBefore(dropPartsBefore)) {
                dropped.add(ObjectKeys.part(prefixes.get(part.recordingId()), part.segment(), part.part()));
            }
            recordings.touch(touched);
            StoreBatch.this.states.saveAll(states.values());
        }
    }
}

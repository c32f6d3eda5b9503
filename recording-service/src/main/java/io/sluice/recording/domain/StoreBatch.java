package io.sluice.recording.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sluice.recording.objects.ObjectStore;
import io.sluice.recording.objects.StoreUnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * What a round of recording stores: objects, then what they mean to the database, then what may only happen
 * after that. {@link #commit} opens one transaction, holds the rows of the streams it writes and checks that this
 * instance still owns each ({@link #fence}), writes every object (in parallel: each write waits for its fsync,
 * and a round holds parts of many streams), and only once all are durable applies the database changes and
 * commits, then runs the after-commit actions (deleting objects no row names any more, telling the consumer what
 * is durable, waking held requests). An instance that has lost a stream to another writes none of the round.
 */
public final class StoreBatch {

    private final ObjectStore store;
    private final ExecutorService writers;
    private final Semaphore writeSlots;
    private final Consumer<Map<String, Long>> holder;
    private final Map<String, Long> epochs = new LinkedHashMap<>();
    private final Map<String, byte[]> objects = new LinkedHashMap<>();
    private final List<Runnable> changes = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    StoreBatch(ObjectStore store, ExecutorService writers, Semaphore writeSlots, Consumer<Map<String, Long>> holder) {
        this.store = store;
        this.writers = writers;
        this.writeSlots = writeSlots;
        this.holder = holder;
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
        objects.put(key, bytes);
    }

    /** An object put in this round and not stored yet, or null. */
    byte[] pending(String key) {
        return objects.get(key);
    }

    /** A database change, run inside the batch's transaction in the order added. */
    public void change(Runnable change) {
        changes.add(change);
    }

    /** Runs once the transaction has committed. */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    public boolean isEmpty() {
        return objects.isEmpty() && changes.isEmpty() && afterCommit.isEmpty() && epochs.isEmpty();
    }

    /**
     * Holds and checks the fenced streams, stores the objects and applies the changes in one transaction, then
     * runs the after-commit actions; empties the batch.
     *
     * @throws RecorderFencedException another instance has taken one of the round's streams over
     */
    public void commit() {
        if (changes.isEmpty() && epochs.isEmpty()) {
            writeObjects();
        } else {
            Map<String, Long> holding = Map.copyOf(epochs);
            List<Runnable> applying = List.copyOf(changes);
            QuarkusTransaction.requiringNew().run(() -> {
                holder.accept(holding);
                writeObjects();
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
        changes.clear();
        afterCommit.clear();
    }

    private void writeObjects() {
        if (objects.isEmpty()) {
            return;
        }
        if (objects.size() == 1) {
            Map.Entry<String, byte[]> only = objects.entrySet().iterator().next();
            store.put(only.getKey(), only.getValue());
            return;
        }
        List<Future<?>> writes = new ArrayList<>(objects.size());
        for (Map.Entry<String, byte[]> object : objects.entrySet()) {
            writes.add(writers.submit(() -> {
                writeSlots.acquireUninterruptibly();
                try {
                    store.put(object.getKey(), object.getValue());
                } finally {
                    writeSlots.release();
                }
            }));
        }
        RuntimeException failure = null;
        for (Future<?> write : writes) {
            try {
                write.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException runtime ? runtime
                            : new StoreUnavailableException("writing an object failed", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("interrupted while writing objects", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

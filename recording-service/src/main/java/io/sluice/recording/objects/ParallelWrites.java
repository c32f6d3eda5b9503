package io.sluice.recording.objects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs blocking I/O on many items at once and waits for all: each item waits for its own fsync or object store
 * round trip, so a group of them costs about as long as the slowest, not the sum. At most {@code slots} run at a
 * time.
 */
final class ParallelWrites implements AutoCloseable {

    /** One item's I/O. */
    @FunctionalInterface
    interface Action<T> {
        void run(T item) throws IOException;
    }

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots;

    ParallelWrites(int slots) {
        this.slots = new Semaphore(slots);
    }

    /**
     * Runs {@code action} on every item and returns once all are done.
     *
     * @throws IOException the first failure, once every item is done (the others are not stopped half-way)
     */
    <T> void each(Collection<T> items, Action<T> action) throws IOException {
        if (items.size() == 1) {
            action.run(items.iterator().next());
            return;
        }
        List<Future<?>> running = new ArrayList<>(items.size());
        for (T item : items) {
            running.add(threads.submit(() -> {
                slots.acquireUninterruptibly();
                try {
                    action.run(item);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    slots.release();
                }
                return null;
            }));
        }
        Throwable failure = null;
        boolean interrupted = false;
        for (Future<?> task : running) {
            while (true) {
                try {
                    task.get();
                    break;
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                    break;
                } catch (InterruptedException e) {
                    // Every item is waited for: none may still be writing once this returns.
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        switch (failure) {
            case null -> { }
            case UncheckedIOException io -> throw io.getCause();
            case RuntimeException runtime -> throw runtime;
            case Error error -> throw error;
            default -> throw new IOException(failure);
        }
    }

    @Override
    public void close() {
        threads.close();
    }
}

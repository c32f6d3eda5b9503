package io.sluice.recording.kafka;

import io.micrometer.core.instrument.Timer;
import io.sluice.recording.domain.StoreBatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Stores the consumer's rounds on a thread of their own, so that the consumer reads and segments the next round
 * while one is made durable. At most one round is in flight, and a round is stored only after the one before it
 * has committed: the rounds reach the object store and the database in the order the consumer made them, as they
 * did when it stored them itself. A round's failure stops the rounds after it: from then on {@link #submit} and
 * {@link #await} throw it and nothing more is stored, until the consumer has gone back to its committed offsets
 * and forgotten what it held ({@link #abandon}). A round stored after a failed one would move its streams'
 * checkpoints past media that was never stored; and since the offsets of a round move only once its own
 * after-commit actions have run, nothing read after a failed round is committed.
 *
 * <p>Used by the consumer thread only; the rounds' after-commit actions run on the storing thread.
 */
final class RoundPipeline implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RoundPipeline.class);

    private final ExecutorService storer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("recording-round-store").daemon().factory());
    private final Timer storing;
    private final Timer waiting;
    private Future<?> inFlight;
    /** The failure of a round, kept until {@link #abandon}: nothing is stored after it. */
    private RuntimeException failed;

    /**
     * @param storing times a round's storing (its objects durable, its metadata committed)
     * @param waiting times the consumer waiting for the round in flight before it can store the next
     */
    RoundPipeline(Timer storing, Timer waiting) {
        this.storing = storing;
        this.waiting = waiting;
    }

    /** Whether a round is being stored now. */
    boolean busy() {
        return inFlight != null && !inFlight.isDone();
    }

    /**
     * Waits for the round in flight, then starts storing {@code batch} unless it is empty. The caller hands the
     * batch over and takes a new one.
     *
     * @throws RuntimeException the failure of the round that was in flight, or of one before it since the last
     *     {@link #abandon}; {@code batch} is then not stored
     */
    void submit(StoreBatch batch) {
        submit(batch.isEmpty() ? null : (Runnable) batch::commit);
    }

    /** As {@link #submit(StoreBatch)}, for a round given as the work that stores it; null: nothing to store. */
    void submit(Runnable round) {
        await();
        if (failed != null) {
            throw failed;
        }
        if (round == null) {
            return;
        }
        inFlight = storer.submit(() -> {
            long start = System.nanoTime();
            round.run();
            storing.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        });
    }

    /**
     * Waits until no round is in flight; whatever was submitted is then durable.
     *
     * @throws RuntimeException the failure of a round since the last {@link #abandon}
     */
    void await() {
        Future<?> round = inFlight;
        if (round == null) {
            if (failed != null) {
                throw failed;
            }
            return;
        }
        long start = System.nanoTime();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    round.get();
                    return;
                } catch (InterruptedException e) {
                    // The round goes on whatever the consumer does: it is waited for to the end, so that no
                    // round ever overlaps the one after it or the consumer's own database work.
                    interrupted = true;
                } catch (ExecutionException e) {
                    failed = unwrap(e.getCause());
                    throw failed;
                }
            }
        } finally {
            inFlight = null;
            waiting.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Waits until no round is in flight and forgets how the rounds ended: the caller has failed, forgets what it
     * holds and reads again from its committed offsets, after which rounds may be stored again.
     */
    void abandon() {
        try {
            await();
        } catch (RuntimeException e) {
            LOG.debugf("A round failed too: %s", e.toString());
        }
        failed = null;
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("Storing a round failed", cause);
    }

    @Override
    public void close() {
        abandon();
        storer.shutdown();
    }
}

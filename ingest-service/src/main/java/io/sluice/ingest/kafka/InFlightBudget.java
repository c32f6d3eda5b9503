package io.sluice.ingest.kafka;

import io.sluice.ingest.config.IngestConfig;
import io.sluice.ingest.metrics.IngestMetrics;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes sent to Kafka and not yet acknowledged, by all sessions together. A session that finds the budget
 * spent pauses its socket and waits here; it is woken once acknowledgements bring the total below half the
 * limit. Memory stays bounded by the limit plus one message per session, whatever Kafka does.
 */
@Singleton
public class InFlightBudget {

    private final long limit;
    private final AtomicLong inFlight = new AtomicLong();
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    @Inject
    InFlightBudget(IngestConfig config, IngestMetrics metrics) {
        this(config.kafka().maxInFlightBytes());
        metrics.watchInFlight(inFlight::get);
    }

    InFlightBudget(long limit) {
        this.limit = limit;
    }

    /** Counts bytes about to be sent; returns false when the total is now over the limit. */
    public boolean take(long bytes) {
        return inFlight.addAndGet(bytes) <= limit;
    }

    /** Releases acknowledged (or failed) bytes, waking waiters when there is room again. */
    public void release(long bytes) {
        if (inFlight.addAndGet(-bytes) <= limit / 2) {
            Runnable waiter;
            while ((waiter = waiting.poll()) != null) {
                waiter.run();
            }
        }
    }

    /** Runs {@code resume} once there is room; at once if there already is. */
    public void whenAvailable(Runnable resume) {
        waiting.add(resume);
        if (inFlight.get() <= limit / 2) {
            release(0);
        }
    }
}

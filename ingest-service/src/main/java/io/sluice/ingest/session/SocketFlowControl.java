package io.sluice.ingest.session;

import io.sluice.ingest.kafka.InFlightBudget;
import io.sluice.ingest.metrics.IngestMetrics;
import io.vertx.core.Context;
import io.vertx.core.net.NetSocket;
import java.util.function.LongConsumer;
import org.jboss.logging.Logger;

/**
 * Backpressure for one connection. Bytes of its session sent to Kafka and not yet acknowledged are counted
 * here and against the instance's {@link InFlightBudget}; past the session's limit or the budget, the socket
 * is paused, so the encoder sees a slow network and memory stays bounded. Reading resumes once the session
 * is at half its limit and the budget has room. Owned by the connection's event loop.
 */
final class SocketFlowControl {

    private static final Logger LOG = Logger.getLogger(SocketFlowControl.class);

    private final NetSocket socket;
    private final String clientAddress;
    private final Context context;
    private final InFlightBudget budget;
    private final IngestMetrics metrics;
    private final long perSessionLimit;
    private final LongConsumer onResumed;

    private long inFlightBytes;
    private boolean paused;
    private long pausedAtNanos;
    private boolean stopped;

    /** {@code onResumed} gets the time reading resumed. */
    SocketFlowControl(NetSocket socket, String clientAddress, Context context, InFlightBudget budget, IngestMetrics metrics,
            long perSessionLimit, LongConsumer onResumed) {
        this.socket = socket;
        this.clientAddress = clientAddress;
        this.context = context;
        this.budget = budget;
        this.metrics = metrics;
        this.perSessionLimit = perSessionLimit;
        this.onResumed = onResumed;
    }

    /** Counts {@code bytes} about to be sent; pauses reading when this session or all of them are over their limit. */
    void sending(long bytes) {
        inFlightBytes += bytes;
        boolean budgetOk = budget.take(bytes);
        if (!paused && (!budgetOk || inFlightBytes > perSessionLimit)) {
            paused = true;
            pausedAtNanos = System.nanoTime();
            socket.pause();
            metrics.backpressurePaused();
            LOG.debugf("connection %s: paused reading, %d bytes awaiting Kafka", clientAddress, inFlightBytes);
        }
    }

    /** Kafka acknowledged (or failed) {@code bytes}: they no longer count. */
    void settled(long bytes) {
        inFlightBytes -= bytes;
        budget.release(bytes);
    }

    /** Resumes reading once the session is at half its limit and the budget has room. */
    void resumeWhenRoom() {
        if (paused && inFlightBytes <= perSessionLimit / 2) {
            budget.whenAvailable(() -> context.runOnContext(v -> resume()));
        }
    }

    /**
     * The session is over: reading never resumes. Its bytes still in flight are settled as their
     * acknowledgements come, which is what gives them back to the budget.
     */
    void stop() {
        stopped = true;
    }

    boolean paused() {
        return paused;
    }

    long inFlightBytes() {
        return inFlightBytes;
    }

    private void resume() {
        if (!paused || stopped || inFlightBytes > perSessionLimit / 2) {
            return;
        }
        paused = false;
        long now = System.nanoTime();
        metrics.backpressureResumed(now - pausedAtNanos);
        onResumed.accept(now);
        socket.resume();
    }
}

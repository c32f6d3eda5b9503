package io.sluice.ingest.session;

import io.sluice.ingest.kafka.InFlightBudget;
import io.sluice.ingest.metrics.IngestMetrics;
import io.vertx.core.Context;
import io.vertx.core.net.NetSocket;
import java.util.function.LongConsumer;
import org.jboss.logging.Logger;

/**
 * Backpressure for one connection, in both directions, and the pace of its messages. Bytes of its session sent to Kafka and not yet
 * acknowledged are counted here and against the instance's {@link InFlightBudget}; past the session's limit
 * or the budget, the socket is paused, so the encoder sees a slow network and memory stays bounded. Reading
 * resumes once the session is at half its limit and the budget has room. Replies the client does not read
 * pause reading too ({@link ReplyWriter}): a client that floods requests and never reads the answers stops
 * being read. A session over its {@link MessageRate} is not read until its budget is back. The socket is read
 * again when no cause holds. Owned by the connection's event loop.
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
    /** Paused because Kafka has not acknowledged enough: the encoder's silence is then not its own doing. */
    private boolean pausedForKafka;
    private long pausedAtNanos;
    /** Paused because the client has not read enough of our replies. */
    private boolean pausedForReplies;
    /** Paused because the session sent more messages than its rate allows. */
    private boolean pausedForRate;
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
        if (!pausedForKafka && (!budgetOk || inFlightBytes > perSessionLimit)) {
            pausedForKafka = true;
            pausedAtNanos = System.nanoTime();
            socket.pause();
            metrics.backpressurePaused("kafka");
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
        if (pausedForKafka && inFlightBytes <= perSessionLimit / 2) {
            budget.whenAvailable(() -> context.runOnContext(v -> resumeAfterKafka()));
        }
    }

    /** The client has more of our replies queued than the socket takes: stop reading until it drains. */
    void pauseForReplies() {
        if (!pausedForReplies && !stopped) {
            pausedForReplies = true;
            socket.pause();
            metrics.backpressurePaused("replies");
            LOG.debugf("connection %s: paused reading, the client does not read our replies", clientAddress);
        }
    }

    /** The client read our replies; read it again unless Kafka still holds it back. */
    void resumeAfterReplies() {
        if (pausedForReplies) {
            pausedForReplies = false;
            resumeIfFree();
        }
    }

    /** The session is over its message rate: no reading for {@code nanos}. */
    void pauseForRate(long nanos) {
        if (pausedForRate || stopped) {
            return;
        }
        pausedForRate = true;
        socket.pause();
        metrics.backpressurePaused("rate");
        context.owner().setTimer(Math.max(1, nanos / 1_000_000), id -> {
            pausedForRate = false;
            resumeIfFree();
        });
    }

    /**
     * The connection closed. Replies can no longer be written, so they no longer hold reading back: what the
     * client sent before it closed, and the end, are read. Kafka's pause still holds until acknowledged.
     */
    void socketClosed() {
        resumeAfterReplies();
    }

    /**
     * The session is over: reading never resumes. Its bytes still in flight are settled as their
     * acknowledgements come, which is what gives them back to the budget.
     */
    void stop() {
        stopped = true;
    }

    /** Whether the socket is not being read, for whatever cause. */
    boolean paused() {
        return pausedForKafka || pausedForReplies || pausedForRate;
    }

    /** Whether Kafka holds reading back: the encoder's silence meanwhile is not its own. */
    boolean pausedForKafka() {
        return pausedForKafka;
    }

    long inFlightBytes() {
        return inFlightBytes;
    }

    private void resumeAfterKafka() {
        if (!pausedForKafka || stopped || inFlightBytes > perSessionLimit / 2) {
            return;
        }
        pausedForKafka = false;
        long now = System.nanoTime();
        metrics.backpressureResumed(now - pausedAtNanos);
        onResumed.accept(now);
        resumeIfFree();
    }

    private void resumeIfFree() {
        if (!stopped && !paused()) {
            socket.resume();
        }
    }
}

package io.sluice.ingest.session;

import io.sluice.ingest.kafka.InFlightBudget;
import io.sluice.ingest.metrics.IngestMetrics;
import io.vertx.core.Context;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.jboss.logging.Logger;

/**
 * Backpressure for one connection, in both directions, and the pace of its messages. Bytes of its session sent to Kafka and not yet
 * acknowledged are counted here and against the instance's {@link InFlightBudget}; past the session's limit
 * or the budget, the socket is paused, so the encoder sees a slow network and memory stays bounded. Reading
 * resumes once the session is at half its limit and the budget has room. Replies the client does not read
 * pause reading too ({@link ReplyWriter}): a client that floods requests and never reads the answers stops
 * being read. A session over its {@link MessageRate} is not read until its budget is back. The socket is read
 * again when no cause holds. Owned by the connection's event loop, except {@link #settled}, which Kafka's
 * thread calls.
 *
 * <p>Acknowledgements settle on Kafka's thread, straight into the counters: handing each over to the event
 * loop woke that loop once per produce response for every session with a record in it, which cost more
 * than the counting. The event loop is only called on when it has something to do: reading to resume.
 * The pause and the release meet like this: the event loop counts, then sets the pause flag, then looks at
 * the count again; Kafka's thread uncounts, then looks at the flag. One of the two always sees the other's
 * write, so a pause never misses the acknowledgement that ends it.
 */
final class SocketFlowControl {

    private static final Logger LOG = Logger.getLogger(SocketFlowControl.class);

    private final SocketInput input;
    private final String clientAddress;
    private final Context context;
    private final InFlightBudget budget;
    private final IngestMetrics metrics;
    private final long perSessionLimit;
    private final LongConsumer onResumed;

    /** This session's bytes sent to Kafka and not yet settled. */
    private final AtomicLong inFlightBytes = new AtomicLong();
    /** Paused because Kafka has not acknowledged enough: the encoder's silence is then not its own doing. */
    private volatile boolean pausedForKafka;
    /** A look at whether to resume is queued on the event loop; more acknowledgements meanwhile ride along. */
    private final AtomicBoolean resumeCheckQueued = new AtomicBoolean();
    private long pausedAtNanos;
    /** Paused because the client has not read enough of our replies. */
    private boolean pausedForReplies;
    /** Paused because the session sent more messages than its rate allows. */
    private boolean pausedForRate;
    private boolean stopped;

    /** {@code onResumed} gets the time reading resumed. */
    SocketFlowControl(SocketInput input, String clientAddress, Context context, InFlightBudget budget, IngestMetrics metrics,
            long perSessionLimit, LongConsumer onResumed) {
        this.input = input;
        this.clientAddress = clientAddress;
        this.context = context;
        this.budget = budget;
        this.metrics = metrics;
        this.perSessionLimit = perSessionLimit;
        this.onResumed = onResumed;
    }

    /** Counts {@code bytes} about to be sent; pauses reading when this session or all of them are over their limit. */
    void sending(long bytes) {
        long inFlight = inFlightBytes.addAndGet(bytes);
        boolean budgetOk = budget.take(bytes);
        if (!pausedForKafka && (!budgetOk || inFlight > perSessionLimit)) {
            pausedForKafka = true;
            pausedAtNanos = System.nanoTime();
            input.pause();
            metrics.backpressurePaused("kafka");
            LOG.debugf("connection %s: paused reading, %d bytes awaiting Kafka", clientAddress, inFlight);
            // Acknowledgements that came between the count and the flag did not see the pause: look again.
            resumeWhenRoom();
        }
    }

    /**
     * From Kafka's thread: Kafka acknowledged (or failed) {@code bytes}, which no longer count. The event loop
     * is called on only while reading is paused for Kafka.
     */
    void settled(long bytes) {
        inFlightBytes.addAndGet(-bytes);
        budget.release(bytes);
        if (pausedForKafka && resumeCheckQueued.compareAndSet(false, true)) {
            context.runOnContext(v -> {
                resumeCheckQueued.set(false);
                resumeWhenRoom();
            });
        }
    }

    /** On the event loop: resumes reading once the session is at half its limit and the budget has room. */
    private void resumeWhenRoom() {
        if (pausedForKafka && inFlightBytes.get() <= perSessionLimit / 2) {
            budget.whenAvailable(() -> context.runOnContext(v -> resumeAfterKafka()));
        }
    }

    /** The client has more of our replies queued than the socket takes: stop reading until it drains. */
    void pauseForReplies() {
        if (!pausedForReplies && !stopped) {
            pausedForReplies = true;
            input.pause();
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
        input.pause();
        metrics.backpressurePaused("rate");
        context.owner().setTimer(Math.max(1, nanos / 1_000_000), id -> {
            pausedForRate = false;
            // The encoder's silence while it was not read was ours: its idle clock starts again.
            onResumed.accept(System.nanoTime());
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

    /**
     * Whether the ingest itself holds reading back, for Kafka or for the session's message rate: the
     * encoder's silence meanwhile is not its own. (Replies the client does not read are its own doing.)
     */
    boolean holdingBack() {
        return pausedForKafka || pausedForRate;
    }

    long inFlightBytes() {
        return inFlightBytes.get();
    }

    private void resumeAfterKafka() {
        if (!pausedForKafka || stopped || inFlightBytes.get() > perSessionLimit / 2) {
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
            input.resume();
        }
    }
}

package io.sluice.ingest.session;

import io.vertx.core.Context;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Kafka's acknowledgements of one session's records, carried from the producer's thread to the session's
 * event loop. One acknowledgement a message, each hopping to the event loop on its own, woke the event loop
 * once per message; here what arrives while a hand-over is pending rides along with it, so a burst of
 * acknowledgements costs one task. Only their sum matters (bytes back to the budget) and the first failure,
 * which ends the session.
 */
final class AcknowledgementInbox {

    /** What the event loop does with what arrived since the last hand-over. */
    @FunctionalInterface
    interface Receiver {
        void received(long bytes, Exception firstFailure);
    }

    private final Context context;
    private final Receiver receiver;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicBoolean handOverPending = new AtomicBoolean();

    AcknowledgementInbox(Context context, Receiver receiver) {
        this.context = context;
        this.receiver = receiver;
    }

    /** From any thread: Kafka settled a record of {@code size} bytes, with {@code error} if it failed. */
    void settled(long size, Exception error) {
        bytes.addAndGet(size);
        if (error != null) {
            failure.compareAndSet(null, error);
        }
        if (handOverPending.compareAndSet(false, true)) {
            context.runOnContext(v -> handOver());
        }
    }

    private void handOver() {
        // Cleared before reading, so what arrives from now on schedules a hand-over of its own.
        handOverPending.set(false);
        long settled = bytes.getAndSet(0);
        Exception error = failure.getAndSet(null);
        if (settled != 0 || error != null) {
            receiver.received(settled, error);
        }
    }
}

package io.sluice.ingest.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Hands records to a producer that never blocks ({@code max.block.ms=0}), from any thread, in the order they
 * come. Such a producer refuses a record at once when it would have to wait: for the metadata of a topic
 * (which it drops while the broker is away) or for buffer memory. That record and every one after it then
 * wait here, in order, while a thread of this class retries the first; they go to the producer as soon as it
 * takes them again, and a record that waited the whole grace fails, as one the broker never took. The
 * event loops that send never wait, and nothing is reordered.
 *
 * <p>While nothing waits, a send takes no lock: event loops share only a volatile flag on that path. Once a
 * record waits, every later one queues behind it until the queue is empty again, so the records of one
 * stream (always sent from its connection's event loop) keep their order. The queue holds at most
 * {@link #MAX_WAITING} records by default: media records are bounded by the in-flight budget long before that, this
 * bounds the small ones (stats, lifecycle); past it a record fails at once.
 */
final class OrderedSender {

    private static final Duration RETRY = Duration.ofMillis(100);
    static final int MAX_WAITING = 100_000;

    private record Waiting(ProducerRecord<String, byte[]> record, Callback callback, long deadlineNanos) {
    }

    private final Producer<String, byte[]> producer;
    private final long graceNanos;
    private final int maxWaiting;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    /** Whether records wait: set under the lock, read without it by every send. */
    private volatile boolean backlog;
    private Thread retrier;

    OrderedSender(Producer<String, byte[]> producer, Duration grace) {
        this(producer, grace, MAX_WAITING);
    }

    OrderedSender(Producer<String, byte[]> producer, Duration grace, int maxWaiting) {
        this.producer = producer;
        this.graceNanos = grace.toNanos();
        this.maxWaiting = maxWaiting;
    }

    /** Sends {@code record} now, or after the records that wait before it; the callback tells the outcome. */
    void send(ProducerRecord<String, byte[]> record, Callback callback) {
        if (!backlog && offer(record, callback)) {
            return;
        }
        synchronized (this) {
            if (waiting.size() >= maxWaiting) {
                callback.onCompletion(null, new TimeoutException("Kafka has not taken " + maxWaiting
                        + " records waiting for it; refusing more"));
                return;
            }
            waiting.add(new Waiting(record, callback, System.nanoTime() + graceNanos));
            backlog = true;
            if (retrier == null) {
                retrier = Thread.ofPlatform().name("kafka-send-retry").daemon().start(this::retryUntilTaken);
            }
        }
    }

    /** Waits, up to {@code limit}, until no record waits here any more: all are with the producer or failed. */
    synchronized void awaitNoneWaiting(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long left;
        while (!waiting.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** False when the producer would have had to wait; any other refusal fails the record. */
    private boolean offer(ProducerRecord<String, byte[]> record, Callback callback) {
        RefusalWatch watch = new RefusalWatch(callback);
        try {
            producer.send(record, watch);
        } catch (RuntimeException e) {
            callback.onCompletion(null, e);
        }
        return watch.sendReturned();
    }

    /**
     * The producer reports a refusal through the callback, during {@code send}, not by throwing: this
     * callback keeps a refusal to wait from the caller's callback while {@code send} runs, and passes
     * everything else on.
     */
    private static final class RefusalWatch implements Callback {

        private final Callback callback;
        private boolean sending = true;
        private boolean wouldWait;

        RefusalWatch(Callback callback) {
            this.callback = callback;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception error) {
            synchronized (this) {
                // No metadata or no buffer memory now; the refused send asked the producer to fetch the metadata.
                if (sending && error instanceof TimeoutException) {
                    wouldWait = true;
                    return;
                }
            }
            callback.onCompletion(metadata, error);
        }

        /** Whether the producer took the record (or failed it for good) rather than refusing to wait. */
        synchronized boolean sendReturned() {
            sending = false;
            return !wouldWait;
        }
    }

    private void retryUntilTaken() {
        while (true) {
            synchronized (this) {
                while (!waiting.isEmpty()) {
                    Waiting first = waiting.peek();
                    if (offer(first.record(), first.callback())) {
                        waiting.poll();
                    } else if (System.nanoTime() - first.deadlineNanos() > 0) {
                        waiting.poll();
                        first.callback().onCompletion(null, new TimeoutException("Kafka did not take the record for "
                                + first.record().topic() + " within " + Duration.ofNanos(graceNanos).toSeconds() + " s"));
                    } else {
                        break;
                    }
                }
                if (waiting.isEmpty()) {
                    backlog = false;
                    retrier = null;
                    notifyAll();
                    return;
                }
            }
            try {
                Thread.sleep(RETRY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

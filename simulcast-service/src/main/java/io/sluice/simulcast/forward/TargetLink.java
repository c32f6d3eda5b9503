package io.sluice.simulcast.forward;

import io.sluice.media.rtmp.session.EnhancedCapabilities;
import io.sluice.simulcast.config.SimulcastConfig;
import io.sluice.simulcast.domain.AddressPolicy;
import io.sluice.simulcast.domain.Target;
import io.sluice.simulcast.domain.TargetStatus;
import io.sluice.simulcast.domain.TargetUrl;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Forwards one live stream to one target, on a virtual thread of its own: connects and publishes, sends the metadata
 * and sequence headers and then the media from a keyframe, timestamps rebased to start at 0 and bodies untouched;
 * when the target fails or drops, retries with an exponential backoff (initial, doubled, capped), starting again at
 * a keyframe with the headers sent again. Its status, and why it failed, go to the {@link LinkListener}.
 */
final class TargetLink {

    private static final Logger LOG = Logger.getLogger(TargetLink.class);
    private static final long POLL_MILLIS = 200;
    private static final long HEADER_WAIT_MILLIS = 3000;

    /** Where a link's status changes and counters go. */
    interface LinkListener {
        void changed(TargetLink link, TargetStatus status, String reason);
    }

    private final Target target;
    private final String streamKey;
    private final LiveStream stream;
    private final SimulcastConfig config;
    private final AddressPolicy policy;
    private final LinkListener listener;
    private final TargetQueue queue;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final long bytesBefore;
    private volatile boolean running = true;
    /** Whether the target was enabled when the session started: its first publish gets the session from its start. */
    private boolean withSessionStart;
    private volatile TargetConnection connection;
    private volatile long bytesOfEndedConnections;
    private volatile long reconnects;
    private volatile Instant connectedAt;
    private volatile TargetStatus status = TargetStatus.IDLE;
    private volatile String lastError;
    /** Whether the link ended on its own: its target dropped it while the stream was between sessions. */
    private volatile boolean ended;
    private Thread thread;

    TargetLink(Target target, String streamKey, LiveStream stream, SimulcastConfig config, AddressPolicy policy,
            LinkListener listener) {
        this.target = target;
        this.streamKey = streamKey;
        this.stream = stream;
        this.config = config;
        this.policy = policy;
        this.listener = listener;
        this.queue = new TargetQueue(config.forwarding().targetQueueBytes());
        this.bytesBefore = target.bytesOut();
        this.reconnects = target.reconnects();
    }

    /** @param atSessionStart whether the target was enabled when the session started */
    void start(boolean atSessionStart) {
        withSessionStart = atSessionStart;
        thread = Thread.ofVirtual().name("simulcast-" + target.id()).start(this::run);
    }

    /**
     * Ends forwarding: a publishing target is unpublished cleanly, after what waits in its queue when
     * {@code drain} (the stream ended: its last seconds belong to the target too); returns once the link's thread
     * has ended, or a target too slow to take the rest has been cut off.
     */
    void stop(boolean drain) {
        running = false;
        stopped.countDown();
        TargetConnection current = connection;
        if (current != null && status != TargetStatus.BROADCASTING) {
            current.close();
        }
        if (!drain) {
            queue.close();
        }
        if (thread != null) {
            try {
                if (!thread.join(Duration.ofSeconds(5))) {
                    queue.close();
                    TargetConnection stuck = connection;
                    if (stuck != null) {
                        stuck.close();
                    }
                    thread.join(Duration.ofSeconds(2));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    Target target() {
        return target;
    }

    /** Whether the link ended on its own (its target dropped it between sessions), and is idle. */
    boolean ended() {
        return ended;
    }

    TargetQueue queue() {
        return queue;
    }

    TargetStatus status() {
        return status;
    }

    String lastError() {
        return lastError;
    }

    Instant connectedAt() {
        return connectedAt;
    }

    long reconnects() {
        return reconnects;
    }

    long bytesOut() {
        TargetConnection current = connection;
        return bytesBefore + bytesOfEndedConnections + (current == null ? 0 : current.bytesSent());
    }

    private void run() {
        long backoff = config.reconnect().initialBackoff().toMillis();
        while (running) {
            report(TargetStatus.STARTING, null);
            try {
                forward();
            } catch (TargetFailure | RuntimeException failure) {
                if (!running) {
                    break;
                }
                reconnects++;
                connectedAt = null;
                if (failure instanceof RuntimeException) {
                    LOG.warnf(failure, "Forwarding to simulcast target %s failed unexpectedly", target.id());
                }
                String reason = failure instanceof TargetFailure ? redact(failure.getMessage())
                        : "the forwarding failed: " + failure.getClass().getSimpleName();
                if (stream.held()) {
                    // Between sessions there is nothing to send: the link ends, and the next session starts afresh.
                    LOG.infof("Simulcast target %s of stream %s dropped while the stream was away: %s", target.id(),
                            target.streamId(), reason);
                    ended = true;
                    report(TargetStatus.IDLE, reason);
                    break;
                }
                LOG.infof("Simulcast target %s of stream %s failed: %s; retrying in %d ms", target.id(), target.streamId(),
                        reason, backoff);
                report(TargetStatus.ERRORED, reason);
                if (!pause(backoff)) {
                    break;
                }
                backoff = Math.min(backoff * 2, config.reconnect().maxBackoff().toMillis());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            backoff = config.reconnect().initialBackoff().toMillis();
        }
    }

    /** One connection: connect, publish, and send until stopped (returns) or the target fails (throws). */
    private void forward() throws TargetFailure, InterruptedException {
        stream.awaitHeaders(HEADER_WAIT_MILLIS);
        List<String> codecs = stream.enhancedCodecs();
        EnhancedCapabilities declared = codecs.isEmpty() ? EnhancedCapabilities.NONE
                : new EnhancedCapabilities(codecs, java.util.Map.of(), java.util.Map.of(), 0);
        TargetUrl url = TargetUrl.parse(target.url());
        long timeout = config.reconnect().connectTimeout().toMillis();
        TargetConnection opened = TargetConnection.open(url, streamKey, target.tlsCaPem(), declared, policy, (int) timeout);
        connection = opened;
        try {
            if (!running) {
                return;
            }
            EnhancedCapabilities answer = opened.awaitConnected(timeout, url.address());
            for (String codec : codecs) {
                if (!accepts(answer, codec)) {
                    throw new TargetFailure("codec not accepted by target (" + codec + ")");
                }
            }
            opened.awaitPublishing(timeout, url.address());
            connectedAt = Instant.now();
            lastError = null;
            report(TargetStatus.BROADCASTING, null);
            LOG.infof("Simulcast target %s of stream %s is broadcasting to %s", target.id(), target.streamId(),
                    url.address());
            stream.attach(queue, withSessionStart);
            withSessionStart = false;
            pump(opened, url, answer);
            if (!running) {
                opened.unpublish();
            }
        } finally {
            queue.close();
            stream.detach(queue);
            bytesOfEndedConnections += opened.bytesSent();
            connection = null;
            opened.close();
        }
    }

    private void pump(TargetConnection opened, TargetUrl url, EnhancedCapabilities answer)
            throws TargetFailure, InterruptedException {
        long base = -1;
        while (true) {
            Tag tag = queue.poll(running ? POLL_MILLIS : 0);
            opened.failIfFailed();
            if (tag == null) {
                if (!running) {
                    return;
                }
                continue;
            }
            boolean header = tag.kind() == Tag.Kind.METADATA || tag.isSequenceHeader();
            if (tag.isSequenceHeader()) {
                // The next session of a broadcast (or the encoder in mid-session) may bring another codec.
                Optional<String> codec = tag.kind() == Tag.Kind.VIDEO ? TagBodies.videoFourCc(tag.body())
                        : TagBodies.audioFourCc(tag.body());
                if (codec.isPresent() && !accepts(answer, codec.get())) {
                    throw new TargetFailure("codec not accepted by target (" + codec.get() + ")");
                }
            }
            if (base < 0 && !header) {
                base = tag.timestamp();
            }
            long timestamp = base < 0 ? 0 : Math.max(0, (int) (tag.timestamp() - base));
            try {
                if (!opened.send(tag, timestamp)) {
                    opened.failIfFailed();
                    throw new TargetFailure("the target " + url.address() + " ended the publish");
                }
            } catch (IOException e) {
                opened.failIfFailed();
                throw TargetFailure.of(e, url.address());
            }
        }
    }

    private static boolean accepts(EnhancedCapabilities answer, String codec) {
        return answer != null && (answer.fourCcList().contains(codec)
                || answer.videoFourCcInfoMap().containsKey(codec) || answer.audioFourCcInfoMap().containsKey(codec)
                || answer.videoFourCcInfoMap().containsKey(EnhancedCapabilities.ANY_CODEC)
                || answer.audioFourCcInfoMap().containsKey(EnhancedCapabilities.ANY_CODEC));
    }

    /** A target may echo the publishing name in its error text; the key never goes further than this link. */
    private String redact(String reason) {
        return streamKey.isEmpty() ? reason : reason.replace(streamKey, "****");
    }

    private boolean pause(long millis) {
        try {
            return !stopped.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void report(TargetStatus next, String reason) {
        status = next;
        if (reason != null) {
            lastError = reason;
        }
        listener.changed(this, next, reason);
    }
}

package io.sluice.simulcast.forward;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One live broadcast of a stream on this instance: its media as targets need it to start ({@link StreamMedia}) and its
 * target links. Each tag is kept and handed to every attached target's queue under this object's lock, so a target
 * that attaches gets the headers and the GOP so far and then every tag after them, none twice and none lost.
 *
 * <p>A broadcast is one session, or several: when a session ends and the stream has a reconnect window, the engine
 * holds the broadcast ({@link #hold}) with the targets' publishes open, and a session that starts within the window
 * continues it ({@link #continueWith}). The next session's tags are then moved onto the broadcast's timeline: its
 * first tag comes after the last one of the previous session by the time that passed between them, so a target never
 * sees time go backwards, and the gap it saw is the one there was.
 */
final class LiveStream {

    final String streamId;
    final String tenant;
    private final int gopLimitBytes;
    private volatile String sessionId;
    private StreamMedia media;
    private final List<TargetQueue> attached = new ArrayList<>();
    /** By target id; changed by the engine's refresh only. */
    final Map<String, TargetLink> links = new LinkedHashMap<>();
    /** Whether the session ended and the broadcast waits for the next one. */
    private volatile boolean held;
    /** When a held broadcast ends for good (System.nanoTime()). */
    private volatile long heldUntilNanos;
    /** The latest timestamp handed to targets, on the broadcast's timeline; -1 before the first tag. */
    private long latestTimestamp = -1;
    /** What is added to the current session's timestamps to put them on the broadcast's timeline. */
    private long shift;
    /** Set by a continuation until the next session's first tag: when the previous session's last tag came. */
    private long gapSinceNanos = -1;
    /** No tag of the current session goes below this (the previous session's latest), on the timeline. */
    private long floor = -1;

    LiveStream(String streamId, String tenant, String sessionId, int gopLimitBytes) {
        this.streamId = streamId;
        this.tenant = tenant;
        this.sessionId = sessionId;
        this.gopLimitBytes = gopLimitBytes;
        this.media = new StreamMedia(gopLimitBytes);
    }

    private volatile long lastMediaNanos = System.nanoTime();
    private volatile long lastActivityNanos = System.nanoTime();

    String sessionId() {
        return sessionId;
    }

    /** Keeps the tag and queues it for every attached target; true when it is a new header (metadata included). */
    synchronized boolean add(Tag tag) {
        long now = System.nanoTime();
        if (gapSinceNanos >= 0) {
            long gapMillis = Math.max(1, (now - gapSinceNanos) / 1_000_000);
            shift = latestTimestamp + gapMillis - tag.timestamp();
            gapSinceNanos = -1;
        }
        lastMediaNanos = now;
        lastActivityNanos = now;
        Tag onTimeline = shift == 0 && floor < 0 ? tag : onTimeline(tag);
        if (latestTimestamp < 0 || (int) (onTimeline.timestamp() - latestTimestamp) > 0) {
            latestTimestamp = onTimeline.timestamp();
        }
        boolean firstHeader = !media.hasHeaders() && onTimeline.isSequenceHeader();
        boolean newHeader = media.add(onTimeline);
        for (TargetQueue queue : attached) {
            queue.offer(onTimeline);
        }
        if (firstHeader) {
            notifyAll();
        }
        return newHeader;
    }

    private Tag onTimeline(Tag tag) {
        long timestamp = (tag.timestamp() + shift) & 0xFFFF_FFFFL;
        if (floor >= 0 && (int) (timestamp - floor) < 0) {
            timestamp = floor;
        }
        return new Tag(tag.kind(), timestamp, tag.body());
    }

    /** Whether no media came for {@code nanos}: a session whose end was never told. */
    boolean idleFor(long nanos) {
        return !held && System.nanoTime() - lastActivityNanos > nanos;
    }

    /** The session ended: the broadcast waits, its targets' publishes open, until {@code deadlineNanos}. */
    synchronized void hold(long deadlineNanos) {
        heldUntilNanos = deadlineNanos;
        held = true;
    }

    boolean held() {
        return held;
    }

    /** Whether the broadcast has been held for as long as the reconnect window. */
    boolean heldPast(long nowNanos) {
        return held && nowNanos - heldUntilNanos >= 0;
    }

    /**
     * A new session of the stream continues the held broadcast: its headers and media are its own (nothing of the
     * previous session is kept for targets that start), its timestamps go on from the previous session's, and every
     * target takes it from its next keyframe, after its headers.
     */
    synchronized void continueWith(String nextSessionId) {
        sessionId = nextSessionId;
        media = new StreamMedia(gopLimitBytes);
        held = false;
        lastActivityNanos = System.nanoTime();
        if (latestTimestamp >= 0) {
            gapSinceNanos = lastMediaNanos;
            floor = latestTimestamp;
        }
        for (TargetQueue queue : attached) {
            queue.awaitKeyframe();
        }
    }

    /**
     * Opens the queue with the headers and the GOP so far (or, for a target that was there when the session
     * started, the session from its first keyframe while that is kept), and hands it every tag from now on.
     */
    synchronized void attach(TargetQueue queue, boolean fromSessionStart) {
        attached.removeIf(q -> q == queue);
        queue.open(media.headers(), fromSessionStart ? media.fromSessionStart() : media.gop());
        attached.add(queue);
    }

    synchronized void detach(TargetQueue queue) {
        attached.removeIf(q -> q == queue);
    }

    /** Waits a little for the first sequence header: the codecs to declare in connect depend on it. */
    synchronized void awaitHeaders(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!media.hasHeaders()) {
            long wait = deadline - System.currentTimeMillis();
            if (wait <= 0) {
                return;
            }
            wait(wait);
        }
    }

    /** The Enhanced RTMP FourCCs of the stream's codecs, which a target must accept; empty for legacy codecs. */
    synchronized List<String> enhancedCodecs() {
        List<String> codecs = new ArrayList<>(2);
        Optional<String> video = media.videoFourCc();
        video.ifPresent(codecs::add);
        media.audioFourCc().ifPresent(codecs::add);
        return codecs;
    }
}

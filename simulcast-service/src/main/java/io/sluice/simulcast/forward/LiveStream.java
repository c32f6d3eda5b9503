package io.sluice.simulcast.forward;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One live session of a stream on this instance: its media as targets need it to start ({@link StreamMedia}) and its
 * target links. Each tag is kept and handed to every attached target's queue under this object's lock, so a target
 * that attaches gets the headers and the GOP so far and then every tag after them, none twice and none lost.
 */
final class LiveStream {

    final String streamId;
    final String tenant;
    final String sessionId;
    private final StreamMedia media;
    private final List<TargetQueue> attached = new ArrayList<>();
    /** By target id; changed by the engine's refresh only. */
    final Map<String, TargetLink> links = new LinkedHashMap<>();

    LiveStream(String streamId, String tenant, String sessionId, int gopLimitBytes) {
        this.streamId = streamId;
        this.tenant = tenant;
        this.sessionId = sessionId;
        this.media = new StreamMedia(gopLimitBytes);
    }

    private volatile long lastMediaNanos = System.nanoTime();

    /** Keeps the tag and queues it for every attached target; true when it is a new header (metadata included). */
    synchronized boolean add(Tag tag) {
        lastMediaNanos = System.nanoTime();
        boolean firstHeader = !media.hasHeaders() && tag.isSequenceHeader();
        boolean newHeader = media.add(tag);
        for (TargetQueue queue : attached) {
            queue.offer(tag);
        }
        if (firstHeader) {
            notifyAll();
        }
        return newHeader;
    }

    /** Whether no media came for {@code nanos}: a session whose end was never told. */
    boolean idleFor(long nanos) {
        return System.nanoTime() - lastMediaNanos > nanos;
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

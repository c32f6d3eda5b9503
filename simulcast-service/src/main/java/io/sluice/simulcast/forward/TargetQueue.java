package io.sluice.simulcast.forward;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tags waiting for one target, bounded in bytes. A target that falls behind loses whole GOPs: the queue is
 * emptied and takes media again from the next keyframe, so the target never gets a broken picture and never holds
 * back the stream's consumer or any other target. Metadata and sequence headers are always taken.
 */
final class TargetQueue {

    private final int limitBytes;
    private final ArrayDeque<Tag> tags = new ArrayDeque<>();
    private long bytes;
    private boolean waitingForKeyframe = true;
    private boolean open;
    private long droppedGops;

    TargetQueue(int limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** Opens the queue with what a target starts with: headers, then the GOP kept so far (may be empty). */
    synchronized void open(List<Tag> headers, List<Tag> gop) {
        tags.clear();
        bytes = 0;
        headers.forEach(this::add);
        gop.forEach(this::add);
        waitingForKeyframe = gop.isEmpty();
        open = true;
        notifyAll();
    }

    /** Takes media again from the next keyframe (headers meanwhile): a new session continues the publish. */
    synchronized void awaitKeyframe() {
        waitingForKeyframe = true;
    }

    /** Stops taking tags, and drops what waits. */
    synchronized void close() {
        open = false;
        tags.clear();
        bytes = 0;
        notifyAll();
    }

    /** Takes a tag as it comes off the media log; returns false when it was dropped. */
    synchronized boolean offer(Tag tag) {
        if (!open) {
            return false;
        }
        boolean header = tag.kind() == Tag.Kind.METADATA || tag.isSequenceHeader();
        if (!header && waitingForKeyframe) {
            if (!tag.isKeyframe()) {
                return false;
            }
            waitingForKeyframe = false;
        }
        if (bytes + tag.body().length > limitBytes) {
            tags.clear();
            bytes = 0;
            droppedGops++;
            if (!tag.isKeyframe() && !header) {
                waitingForKeyframe = true;
                return false;
            }
        }
        add(tag);
        notifyAll();
        return true;
    }

    /** The next tag, waiting up to {@code timeoutMillis}; null when none came or the queue is closed. */
    synchronized Tag poll(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (open && tags.isEmpty()) {
            long wait = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (wait <= 0) {
                return null;
            }
            wait(wait);
        }
        Tag tag = tags.pollFirst();
        if (tag != null) {
            bytes -= tag.body().length;
        }
        return tag;
    }

    /** How many times the queue overflowed and dropped what it held. */
    synchronized long droppedGops() {
        return droppedGops;
    }

    private void add(Tag tag) {
        tags.addLast(tag);
        bytes += tag.body().length;
    }
}

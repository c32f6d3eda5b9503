package io.sluice.media.rtmp;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes that every connection of a process may hold together: the arrays of messages still being
 * reassembled, media held while a publish is decided, replies not yet written. A per-connection limit alone
 * bounds nothing when a thousand connections each stay just under it; this is the one number that bounds
 * them all. Shared by every event loop, so it is a lock-free counter, touched once per array a message
 * grows into (never per chunk).
 *
 * <p>A reservation that does not fit is refused, not waited for: the caller ends the connection that
 * asked, and the bytes of the others stay theirs.
 */
public final class MemoryBudget {

    /** A budget that never refuses, for tools and tests that are not a server. */
    public static final MemoryBudget UNLIMITED = new MemoryBudget(Long.MAX_VALUE);

    private final long capacity;
    private final AtomicLong used = new AtomicLong();

    /** A budget of {@code capacity} bytes. */
    public MemoryBudget(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Takes {@code bytes} if they fit; returns whether they did. */
    public boolean tryReserve(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
        long current;
        do {
            current = used.get();
            if (current + bytes > capacity) {
                return false;
            }
        } while (!used.compareAndSet(current, current + bytes));
        return true;
    }

    /** Gives back {@code bytes} reserved earlier. */
    public void release(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
        used.addAndGet(-bytes);
    }

    /** Bytes reserved now. */
    public long used() {
        return used.get();
    }

    public long capacity() {
        return capacity;
    }

    /** Whether less than {@code bytes} is left. */
    public boolean hasLessThan(long bytes) {
        return capacity - used.get() < bytes;
    }
}

package io.sluice.loadgen.rtmp;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each video frame of each stream was last handed to the socket by its publisher, so that a sink in the same
 * process can tell how long the frame took to reach it through a relay (one clock: no skew between machines). A
 * frame is known by its body (length and hash), which relays pass through untouched; the clip repeats every pass,
 * so the latest send of a body is the one that arrives, as long as a frame takes less than a pass to get through.
 * Arrivals are kept only while {@link #measuring}.
 */
final class FrameClock {

    private final Map<String, Map<Long, Long>> sent = new ConcurrentHashMap<>();
    private final long[] samples;
    private int count;
    private long unmatched;
    private volatile boolean measuring;

    FrameClock(int maxSamples) {
        samples = new long[maxSamples];
    }

    /** The key of a video body: its length and its hash. */
    static long key(byte[] body) {
        return ((long) Arrays.hashCode(body) << 32) | (body.length & 0xFFFF_FFFFL);
    }

    void sent(String stream, long key, long nanos) {
        sent.computeIfAbsent(stream, s -> new ConcurrentHashMap<>()).put(key, nanos);
    }

    /** A frame arrived at the sink for {@code stream} at {@code nanos}. */
    void arrived(String stream, byte[] body, long nanos) {
        if (!measuring) {
            return;
        }
        Map<Long, Long> of = sent.get(stream);
        Long at = of == null ? null : of.get(key(body));
        synchronized (this) {
            if (at == null) {
                unmatched++;
            } else if (count < samples.length) {
                samples[count++] = nanos - at;
            }
        }
    }

    void measure(boolean on) {
        measuring = on;
    }

    /** The latencies kept, in nanoseconds, sorted, and how many arrivals matched no send. */
    synchronized Latencies latencies() {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return new Latencies(sorted, unmatched);
    }

    record Latencies(long[] sortedNanos, long unmatched) {

        /** The {@code q} quantile in milliseconds (nearest rank); NaN without samples. */
        double millis(double q) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sortedNanos.length - 1, Math.max(0, Math.ceil(q * sortedNanos.length) - 1));
            return sortedNanos[index] / 1e6;
        }
    }
}

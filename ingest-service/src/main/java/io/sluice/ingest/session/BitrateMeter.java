package io.sluice.ingest.session;

/**
 * Bytes per second over the last few seconds, in one-second buckets: enough to hold a stream to its
 * bitrate limit without storing anything per message.
 */
final class BitrateMeter {

    private final long[] buckets;
    private long currentSecond = Long.MIN_VALUE;

    BitrateMeter(int seconds) {
        this.buckets = new long[seconds];
    }

    void add(long nowNanos, long bytes) {
        advance(nowNanos);
        buckets[(int) Math.floorMod(currentSecond, buckets.length)] += bytes;
    }

    /** The average over the full seconds of the window, in kilobits per second. */
    long kbps(long nowNanos) {
        advance(nowNanos);
        long total = 0;
        for (int i = 1; i < buckets.length; i++) {
            total += buckets[(int) Math.floorMod(currentSecond - i, buckets.length)];
        }
        return total * 8 / 1000 / (buckets.length - 1);
    }

    private void advance(long nowNanos) {
        long second = nowNanos / 1_000_000_000L;
        if (currentSecond == Long.MIN_VALUE) {
            currentSecond = second;
            return;
        }
        long steps = Math.min(second - currentSecond, buckets.length);
        for (long s = 1; s <= steps; s++) {
            buckets[(int) Math.floorMod(currentSecond + s, buckets.length)] = 0;
        }
        if (second > currentSecond) {
            currentSecond = second;
        }
    }
}

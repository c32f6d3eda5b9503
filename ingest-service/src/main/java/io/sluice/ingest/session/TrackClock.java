package io.sluice.ingest.session;

/**
 * One track's RTMP timestamps, checked for large steps back. Timestamps are 32-bit and wrap after about
 * 49.7 days; the difference is taken modulo 2^32 (serial-number arithmetic), so a wrap is a small step
 * forward, not a huge step back.
 */
final class TrackClock {

    private static final long MODULUS = 1L << 32;

    private final long maxRegressionMillis;
    private long last = -1;
    private long lastRegressionMillis;

    TrackClock(long maxRegressionMillis) {
        this.maxRegressionMillis = maxRegressionMillis;
    }

    /** Records a timestamp; false when it is further back than allowed. */
    boolean accept(long timestamp) {
        long ts = timestamp & (MODULUS - 1);
        if (last >= 0) {
            long delta = Math.floorMod(ts - last, MODULUS);
            if (delta >= MODULUS / 2) {
                long back = MODULUS - delta;
                if (back > maxRegressionMillis) {
                    lastRegressionMillis = back;
                    return false;
                }
                return true;
            }
        }
        last = ts;
        return true;
    }

    long lastRegressionMillis() {
        return lastRegressionMillis;
    }
}

package io.sluice.media.time;

/**
 * Arithmetic on RTMP's 32-bit millisecond timestamps, which wrap around after about 49.7 days. Following serial
 * number arithmetic (RFC 1982 with SERIAL_BITS = 32), a timestamp is "after" another when it lies less than 2^31
 * ahead of it modulo 2^32, so comparisons keep working across the wrap. Timestamps are passed as {@code long}
 * values in 0 .. 2^32-1; only the lower 32 bits are used.
 */
public final class RtmpTimestamps {

    /** 2^32: the timestamp space. */
    public static final long MODULUS = 1L << 32;

    private RtmpTimestamps() {
    }

    /**
     * The signed distance from {@code from} to {@code to} in milliseconds, in -2^31 .. 2^31-1: positive when
     * {@code to} is after {@code from}. Exactly 2^31 apart is undefined in RFC 1982; this returns -2^31 there.
     */
    public static int difference(long from, long to) {
        return (int) (to - from);
    }

    /** Negative, zero or positive as {@code a} is before, equal to or after {@code b} in serial order. */
    public static int compare(long a, long b) {
        return Integer.signum(difference(b, a));
    }

    /** {@code timestamp + delta} modulo 2^32. */
    public static long add(long timestamp, long delta) {
        return (timestamp + delta) & (MODULUS - 1);
    }
}

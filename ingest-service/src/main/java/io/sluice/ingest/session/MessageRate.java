package io.sluice.ingest.session;

/**
 * A session's budget of media messages: a token bucket that fills at {@code perSecond} and holds at most
 * {@code burst}, so an encoder catching up after a stall may send a few seconds' worth at once, while a
 * flood of empty audio messages, or aggregates of thousands of members, is slowed to the rate. What a
 * message costs the ingest (an event, a Kafka record, the stats) does not depend on its size, so counting
 * messages is what bounds that cost. Owned by the connection's event loop.
 */
final class MessageRate {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long perSecond;
    private final long burst;
    private double tokens;
    private long lastNanos;

    MessageRate(long perSecond, long burst, long nowNanos) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /**
     * Takes one message. Returns 0 while the budget holds, else how long (nanoseconds) reading must wait for
     * the budget to be back at zero: the messages already read are let through, the next ones wait.
     */
    long take(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * (double) perSecond / NANOS_PER_SECOND);
        lastNanos = nowNanos;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens * NANOS_PER_SECOND / perSecond);
    }
}

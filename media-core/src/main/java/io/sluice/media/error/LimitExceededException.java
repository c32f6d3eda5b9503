package io.sluice.media.error;

/**
 * A size or count read off the wire went past the limit the caller configured. {@link #limitName()} is a
 * stable, metric-friendly name such as {@code max_message_length}.
 */
public final class LimitExceededException extends MediaFormatException {

    private final String limitName;
    private final long limit;
    private final long actual;

    public LimitExceededException(String limitName, long limit, long actual) {
        super(limitName + " exceeded: " + actual + " > " + limit);
        this.limitName = limitName;
        this.limit = limit;
        this.actual = actual;
    }

    /** Throws when {@code actual > limit}; the one place every bounded read goes through. */
    public static void check(String limitName, long limit, long actual) {
        if (actual > limit) {
            throw new LimitExceededException(limitName, limit, actual);
        }
    }

    public String limitName() {
        return limitName;
    }

    public long limit() {
        return limit;
    }

    public long actual() {
        return actual;
    }
}

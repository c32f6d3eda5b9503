package io.sluice.ingest.kafka;

import java.time.Duration;

/**
 * How a follower's consumer asks the broker for records: a fetch is answered once it holds {@code minBytes}
 * or once it has waited {@code maxWait}, whichever comes first.
 *
 * <p>Every answer costs a request, a response and a poll on both sides. A topic that gets a few records a
 * second (the sessions topic: a {@code session.stats} every few seconds from each live stream) is answered
 * once per record when any byte will do, and an idle topic once every {@code maxWait}.
 */
public record FetchPace(Duration maxWait, int minBytes) {

    /**
     * Enough of the sessions topic's records (a few hundred bytes each) that a busy topic answers rarely, and
     * no more than one partition's share of a fetch: the broker counts at most that share of each partition
     * towards the bytes a fetch waits for, so with more, a backlog left in one partition (the end of a history
     * being read back) would be answered only once the wait was over, a share at a time.
     */
    static final int GATHERED_BYTES = AssignedConsumers.MAX_PARTITION_FETCH_BYTES;

    /**
     * A record comes back as soon as it lands (the broker answers a waiting fetch on the first byte): for changes
     * that must reach live sessions at once. How long the broker holds a fetch of an idle topic only sets how
     * often it is asked again: every 5 s (code that runs this rarely runs interpreted for hours in the C2-only
     * services, so each answer costs more than its size suggests).
     */
    public static FetchPace prompt() {
        return new FetchPace(Duration.ofSeconds(5), 1);
    }

    /** Records come back in batches, at most {@code maxWait} after they land: for what can wait that long. */
    public static FetchPace gathered(Duration maxWait) {
        return new FetchPace(maxWait, GATHERED_BYTES);
    }
}

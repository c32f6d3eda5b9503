package io.sluice.loadgen.measure;

import java.util.Map;
import java.util.TreeMap;

/**
 * Percentiles of what a Prometheus histogram counted between two scrapes. A histogram keeps counts per
 * bucket, not values, so a percentile is known only as the upper bound of the bucket it falls in: the
 * answer is "at most this", which is the honest way to state a latency target as met.
 *
 * <p>Values are ranked within the finite buckets only. Micrometer writes the {@code +Inf} bucket from the
 * histogram's count, read apart from the other buckets, so under load it runs a few values ahead of them
 * and would otherwise put the top percentiles at infinity; a value past the largest finite bound (30 s
 * for a timer) would also be past the producer's delivery timeout.
 */
public final class BucketPercentiles {

    private final TreeMap<Double, Double> counts;
    private final double total;

    /** The counts added to each cumulative bucket from {@code before} to {@code after}. */
    public BucketPercentiles(TreeMap<Double, Double> before, TreeMap<Double, Double> after) {
        counts = new TreeMap<>();
        for (Map.Entry<Double, Double> bucket : after.headMap(Double.POSITIVE_INFINITY).entrySet()) {
            counts.put(bucket.getKey(), bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0));
        }
        total = counts.isEmpty() ? 0 : counts.lastEntry().getValue();
    }

    /** How many values were recorded in between. */
    public long count() {
        return Math.round(total);
    }

    /**
     * The upper bound of the bucket holding the {@code percentile}-th value (0–100), in the histogram's
     * unit; {@link Double#NaN} when nothing was recorded.
     */
    public double atMost(double percentile) {
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = Math.ceil(total * percentile / 100.0);
        for (Map.Entry<Double, Double> bucket : counts.entrySet()) {
            if (bucket.getValue() >= rank) {
                return bucket.getKey();
            }
        }
        return counts.lastKey();
    }
}

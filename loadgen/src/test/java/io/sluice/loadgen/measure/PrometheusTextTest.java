package io.sluice.loadgen.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    /** As the ingest service's /q/metrics writes them (Micrometer, Prometheus text format 0.0.4). */
    private static final String SCRAPE = """
            # HELP sluice_ingest_bytes_in_total Bytes read from encoders
            # TYPE sluice_ingest_bytes_in_total counter
            sluice_ingest_bytes_in_total{protocol="rtmp"} 1000.0
            sluice_ingest_bytes_in_total{protocol="rtmps"} 234.5
            # TYPE sluice_ingest_kafka_ack_latency_seconds histogram
            sluice_ingest_kafka_ack_latency_seconds_bucket{le="0.001"} 10.0
            sluice_ingest_kafka_ack_latency_seconds_bucket{le="0.002"} 90.0
            sluice_ingest_kafka_ack_latency_seconds_bucket{le="0.005"} 99.0
            sluice_ingest_kafka_ack_latency_seconds_bucket{le="0.01"} 100.0
            sluice_ingest_kafka_ack_latency_seconds_bucket{le="+Inf"} 103.0
            sluice_ingest_kafka_ack_latency_seconds_count 103.0
            sluice_ingest_kafka_ack_latency_seconds_sum 0.2
            sluice_ingest_refusals_total{reason="quote \\" and, comma"} 2.0
            """;

    @Test
    void sumsACounterOverItsLabels() {
        PrometheusText text = PrometheusText.parse(SCRAPE);

        assertThat(text.sum("sluice_ingest_bytes_in_total")).isEqualTo(1234.5);
        assertThat(text.sum("sluice_ingest_refusals_total")).isEqualTo(2.0);
        assertThat(text.sum("absent_total")).isZero();
        assertThat(text.has("absent_total")).isFalse();
    }

    @Test
    void readsHistogramBucketsByUpperBound() {
        TreeMap<Double, Double> buckets = PrometheusText.parse(SCRAPE).buckets("sluice_ingest_kafka_ack_latency_seconds");

        assertThat(buckets).containsEntry(0.001, 10.0).containsEntry(0.01, 100.0)
                .containsEntry(Double.POSITIVE_INFINITY, 103.0).hasSize(5);
    }

    @Test
    void percentilesAreTheUpperBoundOfTheirBucketBetweenTwoScrapes() {
        TreeMap<Double, Double> before = new TreeMap<>();
        before.put(0.001, 5.0);
        before.put(0.002, 5.0);
        before.put(0.005, 5.0);
        before.put(0.01, 5.0);
        before.put(Double.POSITIVE_INFINITY, 5.0);
        TreeMap<Double, Double> after = PrometheusText.parse(SCRAPE).buckets("sluice_ingest_kafka_ack_latency_seconds");

        BucketPercentiles percentiles = new BucketPercentiles(before, after);

        // 95 values between the scrapes: 5 up to 1 ms, 80 more up to 2 ms, 9 up to 5 ms, 1 up to 10 ms.
        assertThat(percentiles.count()).isEqualTo(95);
        assertThat(percentiles.atMost(5)).isEqualTo(0.001);
        assertThat(percentiles.atMost(50)).isEqualTo(0.002);
        assertThat(percentiles.atMost(89)).isEqualTo(0.002);
        assertThat(percentiles.atMost(90)).isEqualTo(0.005);
        assertThat(percentiles.atMost(98)).as("the 94th of 95").isEqualTo(0.005);
        assertThat(percentiles.atMost(99)).as("the 95th of 95").isEqualTo(0.01);
    }

    @Test
    void theInfiniteBucketRunningAheadDoesNotMakeTheTopPercentileInfinite() {
        TreeMap<Double, Double> after = PrometheusText.parse(SCRAPE).buckets("sluice_ingest_kafka_ack_latency_seconds");

        assertThat(new BucketPercentiles(new TreeMap<>(), after).atMost(100)).isEqualTo(0.01);
    }

    @Test
    void nothingRecordedHasNoPercentile() {
        TreeMap<Double, Double> after = PrometheusText.parse(SCRAPE).buckets("sluice_ingest_kafka_ack_latency_seconds");

        assertThat(new BucketPercentiles(after, after).atMost(99)).isNaN();
    }
}

package io.sluice.loadgen.rtmp;

import io.sluice.loadgen.measure.BucketPercentiles;
import io.sluice.loadgen.measure.PrometheusText;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * What a run measured between the start and the end of its measured window, printed for people and as one
 * tab-separated {@code result} line for tables. CPU is in cores (1.0 = one core busy the whole window).
 */
record LoadReport(String label, String protocol, int streams, boolean realTime, double clipMbps,
        long serverIdleResidentBytes, long serverPeakResidentBytes, Measurement start, Measurement end,
        LoadCounters.Snapshot total) {

    static final String ACK_LATENCY = "sluice_ingest_kafka_ack_latency_seconds";
    static final String BYTES_IN = "sluice_ingest_bytes_in_total";
    static final String MESSAGES_IN = "sluice_ingest_messages_in_total";

    /** The column names of the {@code result} line, in order. */
    static final String RESULT_COLUMNS = String.join("\t", "result", "label", "protocol", "streams", "pace",
            "seconds", "sent_mbps", "server_cores", "server_core_pct_per_stream", "server_cores_per_gbps",
            "server_idle_rss_mb", "server_peak_rss_mb", "ack_p50_ms", "ack_p99_ms", "ack_p999_ms", "broker_cores",
            "client_cores", "failed", "messages_sent");

    double seconds() {
        return (end.load().nanos() - start.load().nanos()) / 1e9;
    }

    double sentMbps() {
        return (end.load().bytesSent() - start.load().bytesSent()) * 8 / seconds() / 1e6;
    }

    double mediaMbps() {
        return (end.load().mediaBytesSent() - start.load().mediaBytesSent()) * 8 / seconds() / 1e6;
    }

    double serverCores() {
        return cores(end.serverCpuNanos() - start.serverCpuNanos());
    }

    Optional<Double> brokerCores() {
        return end.brokerCpuNanos().map(e -> cores(e - start.brokerCpuNanos().orElseThrow()));
    }

    double clientCores() {
        return cores(end.selfCpuNanos() - start.selfCpuNanos());
    }

    /** Read-to-acknowledged latency percentiles from the ingest service's histogram, if it was scraped. */
    Optional<BucketPercentiles> ackLatency() {
        return metrics().filter(m -> m.after().has(ACK_LATENCY + "_bucket"))
                .map(m -> new BucketPercentiles(m.before().buckets(ACK_LATENCY), m.after().buckets(ACK_LATENCY)));
    }

    void print(PrintStream out) {
        double seconds = seconds();
        out.println();
        out.printf(Locale.ROOT, "%s over %s: %d streams %s, clip %.2f Mbit/s, measured for %.1f s%n", label, protocol,
                streams, realTime ? "in real time" : "as fast as the server takes them", clipMbps, seconds);
        if (!end.load().tlsParameters().isEmpty()) {
            out.printf("  TLS             %s%n", String.join(", ", end.load().tlsParameters()));
        }
        out.printf(Locale.ROOT, "  sent            %.1f Mbit/s on the wire (%.1f Mbit/s of tag bodies), %.0f messages/s%n",
                sentMbps(), mediaMbps(), (end.load().messagesSent() - start.load().messagesSent()) / seconds);
        if (realTime) {
            out.printf(Locale.ROOT, "  schedule        at most %.1f ms behind%n", end.load().maxLateNanos() / 1e6);
        }
        out.printf(Locale.ROOT, "  server CPU      %.3f cores: %.2f %% of a core per stream, %.3f cores per Gbit/s%n",
                serverCores(), serverCores() * 100 / streams, serverCores() / (sentMbps() / 1000));
        out.printf(Locale.ROOT, "  server memory   %.0f MB resident idle, %.0f MB at most during the run%n",
                mb(serverIdleResidentBytes), mb(serverPeakResidentBytes));
        brokerCores().ifPresent(c -> out.printf(Locale.ROOT, "  broker CPU      %.3f cores%n", c));
        out.printf(Locale.ROOT, "  load generator  %.3f cores%n", clientCores());
        metrics().ifPresent(m -> out.printf(Locale.ROOT,
                "  server counted  %.1f Mbit/s in, %.0f messages/s%n",
                m.perSecond(BYTES_IN, seconds) * 8 / 1e6, m.perSecond(MESSAGES_IN, seconds)));
        ackLatency().ifPresent(p -> out.printf(Locale.ROOT,
                "  read to ack     p50 <= %.2f ms, p99 <= %.2f ms, p99.9 <= %.2f ms (%d messages acknowledged)%n",
                p.atMost(50) * 1e3, p.atMost(99) * 1e3, p.atMost(99.9) * 1e3, p.count()));
        out.printf("  publishers      %d publishing at the end of the window, %d failed in all%n", end.load().publishing(),
                total.failed());
        total.failures().forEach((reason, count) -> out.printf("    %d x %s%n", count, reason));
        out.printf("  in all          %d messages sent (%d bytes of tag bodies), the run's ramp and warm-up included%n",
                total.messagesSent(), total.mediaBytesSent());
        out.println(RESULT_COLUMNS);
        out.println(resultLine());
    }

    String resultLine() {
        Optional<BucketPercentiles> ack = ackLatency();
        return String.join("\t", "result", label, protocol, Integer.toString(streams), realTime ? "realtime" : "max",
                fixed(seconds(), 1), fixed(sentMbps(), 1), fixed(serverCores(), 3), fixed(serverCores() * 100 / streams, 2),
                fixed(serverCores() / (sentMbps() / 1000), 3), fixed(mb(serverIdleResidentBytes), 0),
                fixed(mb(serverPeakResidentBytes), 0),
                ack.map(p -> fixed(p.atMost(50) * 1e3, 2)).orElse("-"),
                ack.map(p -> fixed(p.atMost(99) * 1e3, 2)).orElse("-"),
                ack.map(p -> fixed(p.atMost(99.9) * 1e3, 2)).orElse("-"),
                brokerCores().map(c -> fixed(c, 3)).orElse("-"), fixed(clientCores(), 3),
                Integer.toString(total.failed()), Long.toString(total.messagesSent()));
    }

    private Optional<Scrapes> metrics() {
        return start.metrics().flatMap(before -> end.metrics().map(after -> new Scrapes(before, after)));
    }

    /** The server's metrics at the start and at the end of the measured window. */
    private record Scrapes(PrometheusText before, PrometheusText after) {

        double perSecond(String counter, double seconds) {
            return (after.sum(counter) - before.sum(counter)) / seconds;
        }
    }

    private double cores(long cpuNanos) {
        return cpuNanos / (seconds() * 1e9);
    }

    private static double mb(long bytes) {
        return bytes / 1e6;
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}

package io.sluice.loadgen.rtmp;

import io.sluice.loadgen.measure.PrometheusText;
import io.sluice.loadgen.measure.ProcessUsage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * One reading of everything a run compares: the publishers' counters, the CPU time of the server, of the
 * broker behind it and of this load generator, and the server's own metrics when it publishes any.
 */
record Measurement(LoadCounters.Snapshot load, long serverCpuNanos, long serverResidentBytes,
        Optional<Long> brokerCpuNanos, long selfCpuNanos, Optional<PrometheusText> metrics) {

    /** Reads the processes and metrics of a run. */
    static final class Probe {

        private final LoadCounters counters;
        private final ProcessUsage server;
        private final Optional<ProcessUsage> broker;
        private final ProcessUsage self = ProcessUsage.of(ProcessHandle.current().pid());
        private final Optional<URI> metricsUrl;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Probe(LoadCounters counters, ProcessUsage server, Optional<ProcessUsage> broker, Optional<URI> metricsUrl) {
            this.counters = counters;
            this.server = server;
            this.broker = broker;
            this.metricsUrl = metricsUrl;
        }

        long serverResidentBytes() {
            return server.residentBytes();
        }

        Measurement read() throws IOException, InterruptedException {
            Optional<PrometheusText> metrics = Optional.empty();
            if (metricsUrl.isPresent()) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(metricsUrl.get())
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IOException(metricsUrl.get() + " answered HTTP " + response.statusCode());
                }
                metrics = Optional.of(PrometheusText.parse(response.body()));
            }
            return new Measurement(counters.snapshot(), server.cpuNanos(), server.residentBytes(),
                    broker.map(ProcessUsage::cpuNanos), self.cpuNanos(), metrics);
        }
    }
}

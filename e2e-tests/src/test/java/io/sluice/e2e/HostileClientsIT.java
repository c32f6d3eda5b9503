package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.stack.ServiceCatalog;
import io.sluice.stack.Stack;
import io.sluice.stack.StackSettings;
import io.sluice.stack.component.Ports;
import io.sluice.stack.component.QuarkusService;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.StalledRtmpConnections;
import io.sluice.testkit.TestMedia;
import io.sluice.testkit.TestStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Unauthenticated clients that complete the handshake, declare large video messages on many chunk streams,
 * send one chunk of each and stall, against a packaged ingest with the heap and JVM options it has on the
 * local stack (384 MB, exit on OutOfMemoryError). Once, 100 such connections from 5 addresses (840 KB in
 * all) ended the process with {@code OutOfMemoryError}. Now the instance stays up and ready, keeps a real
 * ffmpeg publisher live meanwhile, and its heap grows by less than its memory budget.
 */
class HostileClientsIT {

    private static final List<String> ADDRESSES = List.of("127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0} connections, {1} chunk streams each declaring {2} bytes")
    @CsvSource({"100, 60, 8000000", "1000, 60, 8000000", "1000, 64, 8000000"})
    void declaredMessagesCannotTakeTheInstanceDown(int connections, int chunkStreams, int declaredLength) throws Exception {
        Stack stack = TestStack.get().stack();
        StackSettings settings = stack.settings()
                .with("ingest.port", Integer.toString(Ports.free()))
                .with("ingest.rtmp-port", Integer.toString(Ports.free()))
                .with("ingest.rtmps-port", Integer.toString(Ports.free()));
        // Every hostile connection is let in, and none times out while the test looks at them: what is
        // tested is memory, not the connection limits or the timeouts in front of it.
        QuarkusService ingest = ServiceCatalog.ingestInstance(settings, stack.endpoints(), "ingest-hostile", Map.of(
                "SLUICE_INGEST_LIMITS_MAX_CONNECTIONS", Integer.toString(connections + 10),
                "SLUICE_INGEST_LIMITS_MAX_CONNECTIONS_PER_ADDRESS", Integer.toString(connections / ADDRESSES.size() + 10),
                "SLUICE_INGEST_LIMITS_HANDSHAKE_TIMEOUT", "120s",
                "SLUICE_INGEST_LIMITS_PUBLISH_TIMEOUT", "120s"));
        int rtmpPort = settings.port("ingest.rtmp-port");
        String metricsUrl = "http://localhost:" + settings.port("ingest.port") + "/q/metrics";
        try (RegistryWriter registry = new RegistryWriter()) {
            RegistryWriter.TestStream stream = registry.create("acme");
            ingest.up();
            long pid = ingest.status().pid();
            try (Ffmpeg encoder = Ffmpeg.publishLive(TestMedia.testsrcClip(), "rtmp://localhost:" + rtmpPort + "/live/" + stream.key())) {
                await().atMost(Duration.ofSeconds(20)).until(() -> metric(metricsUrl, "sluice_ingest_sessions_live") == 1);
                long heapBefore = heapAfterFullCollection(pid, metricsUrl);
                double budget = metric(metricsUrl, "sluice_ingest_memory_budget_capacity_bytes");

                try (StalledRtmpConnections attack = StalledRtmpConnections.open("localhost", rtmpPort, connections, ADDRESSES,
                        StalledRtmpConnections.largeMessageHeaders(chunkStreams, declaredLength))) {
                    double messagesBefore = metric(metricsUrl, "sluice_ingest_messages_in_total");
                    long heapDuring = heapAfterFullCollection(pid, metricsUrl);
                    double held = metric(metricsUrl, "sluice_ingest_memory_budget_used_bytes");
                    System.out.printf("%d stalled connections (%d still open), %d chunk streams each: heap after a full"
                            + " collection %,d -> %,d bytes; memory budget %,.0f of %,.0f bytes held%n", connections,
                            attack.stillOpen(), chunkStreams, heapBefore, heapDuring, held, budget);

                    assertThat(ProcessHandle.of(pid)).as("the ingest process is alive").isPresent();
                    assertThat(ready(settings)).as("the ingest is ready").isTrue();
                    assertThat(attack.stillOpen()).as("the stalled connections were all taken in").isEqualTo(connections);
                    assertThat(held).as("held for the stalled connections: what they sent, not what they declared")
                            .isLessThanOrEqualTo(connections * chunkStreams * 128.0 * 3);
                    assertThat(heapDuring - heapBefore).as("the heap grew by less than the memory budget")
                            .isLessThan((long) budget);
                    await().atMost(Duration.ofSeconds(20)).until(
                            () -> metric(metricsUrl, "sluice_ingest_messages_in_total") > messagesBefore + 100);
                    assertThat(encoder.isAlive()).as("ffmpeg keeps publishing").isTrue();
                    assertThat(metric(metricsUrl, "sluice_ingest_sessions_live")).isEqualTo(1);
                }
            }
        } finally {
            ingest.down();
        }
    }

    private static boolean ready(StackSettings settings) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + settings.port("ingest.port")
                + "/q/health/ready")).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    /** The heap in use after a full collection (jcmd GC.run), as the ingest's own metrics report it. */
    private static long heapAfterFullCollection(long pid, String metricsUrl) throws Exception {
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(gc.waitFor(60, TimeUnit.SECONDS)).as("jcmd GC.run finished").isTrue();
        String body = scrape(metricsUrl);
        Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+-]+)$").matcher(body);
        long used = 0;
        while (m.find()) {
            used += (long) Double.parseDouble(m.group(1));
        }
        assertThat(used).as("heap pools at /q/metrics").isPositive();
        return used;
    }

    /** The sum of every sample of {@code name}; a metric that is not there fails the test. */
    private static double metric(String url, String name) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(scrape(url));
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
            found = true;
        }
        assertThat(found).as("metric %s at %s", name, url).isTrue();
        return sum;
    }

    private static String scrape(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}

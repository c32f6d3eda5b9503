package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.loadgen.measure.PrometheusText;
import io.sluice.stack.ServiceCatalog;
import io.sluice.stack.Stack;
import io.sluice.stack.component.QuarkusService;
import io.sluice.testkit.TestMedia;
import io.sluice.testkit.TestStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged load generator, exactly as docs/benchmarks.md runs it, against the packaged auth and ingest
 * services over RTMPS: it creates its live streams through the API, publishes, measures the ingest process
 * and reads its metrics, and every message it says it sent is one the ingest counted in.
 */
class LoadGeneratorIT {

    private static final String MESSAGES_IN = "sluice_ingest_messages_in_total";

    private static Stack stack;
    private static QuarkusService auth;
    private static QuarkusService ingest;

    @BeforeAll
    static void startServices() {
        stack = TestStack.get().stack();
        auth = service("auth");
        ingest = service("ingest");
        auth.up();
        ingest.up();
    }

    @AfterAll
    static void stopServices() {
        ingest.down();
        auth.down();
    }

    @Test
    void publishesMeasuresAndEveryMessageArrives() throws Exception {
        double messagesBefore = scrape().sum(MESSAGES_IN);

        Run run = loadgen("rtmp", "--label", "sluice",
                "--url", "rtmps://localhost:" + stack.settings().port("ingest.rtmps-port") + "/live",
                "--clip", TestMedia.testsrcClip().toString(), "--streams", "3", "--ramp", "1s", "--warmup", "2s",
                "--duration", "5s",
                "--server-pid", Long.toString(ingest.status().pid()),
                "--broker-pid", Long.toString(stack.kafka().status().pid()),
                "--metrics", ingest.url() + "/q/metrics",
                "--create-streams", "--api", auth.url(), "--oidc", stack.keycloak().realmUrl(),
                "--trust-cert", ServiceCatalog.tlsCertificate(stack.settings()).certificatePem().toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        Map<String, String> result = run.result();
        assertThat(result).containsEntry("label", "sluice").containsEntry("protocol", "rtmps")
                .containsEntry("streams", "3").containsEntry("pace", "realtime").containsEntry("failed", "0");
        assertThat(Double.parseDouble(result.get("sent_mbps"))).isPositive();
        assertThat(Double.parseDouble(result.get("server_cores"))).isPositive();
        assertThat(Double.parseDouble(result.get("broker_cores"))).isPositive();
        assertThat(Double.parseDouble(result.get("ack_p99_ms"))).isPositive();
        assertThat(run.output()).contains("TLSv1.3");
        long sent = Long.parseLong(result.get("messages_sent"));
        assertThat(sent).isPositive();
        assertThat(scrape().sum(MESSAGES_IN) - messagesBefore).as("messages the ingest counted in").isEqualTo(sent);
    }

    @Test
    void aMistypedOptionIsRefusedWithTheUsage() throws Exception {
        Run run = loadgen("rtmp", "--stream", "3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("unknown option --stream").contains("--help");
    }

    private record Run(int exitCode, String output) {

        /** The tab-separated result line, by column name. */
        Map<String, String> result() {
            List<String> lines = output.lines().filter(l -> l.startsWith("result\t")).toList();
            assertThat(lines).as(output).hasSize(2);
            String[] names = lines.get(0).split("\t");
            String[] values = lines.get(1).split("\t");
            Map<String, String> result = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                result.put(names[i], values[i]);
            }
            return result;
        }
    }

    private static Run loadgen(String... args) throws IOException, InterruptedException {
        Path jar = TestStack.root().resolve("loadgen/target/loadgen.jar");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", jar.toString()));
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static PrometheusText scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(ingest.url() + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return PrometheusText.parse(response.body());
    }

    private static QuarkusService service(String name) {
        return stack.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}

package io.sluice.bench.api;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A fixed-rate (open-loop) load client for the auth API: requests leave on a schedule whatever the
 * service's answers do, and each latency is measured from the moment its request was due, so a stall
 * shows up in the percentiles instead of silently lowering the rate (no coordinated omission).
 *
 * <p>Phases, each at a fixed rate: a warm-up of creates ({@code --create-rate} for {@code --warmup}, not
 * recorded), the measured creates ({@code --create-duration}), a warm-up of gets ({@code --rate} for
 * {@code --warmup}, not recorded), then the measured gets ({@code --duration}) of the streams created,
 * round-robin.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.sluice.bench.api.ApiLoad \
 *     --api http://localhost:8080 --oidc http://localhost:8180/realms/sluice --user alice \
 *     --create-rate 20 --create-duration 60s --rate 200 --warmup 60s --duration 120s
 * </pre>
 *
 * Streams it creates are deleted at the end ({@code --keep} keeps them). It talks to the addresses given
 * and to nothing else. Each phase reports the machine's load average, since other work on a small
 * machine shows in the tail latencies.
 */
public final class ApiLoad {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI api;
    private String token;

    private ApiLoad(Map<String, String> options) {
        this.options = options;
        this.api = URI.create(option("api", "http://localhost:8080"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
            options.put(name, flag ? "true" : args[++i]);
        }
        new ApiLoad(options).run();
    }

    private void run() throws Exception {
        token = fetchToken();
        System.out.printf("auth API load: %s, user %s, %d CPUs%n", api, option("user", "alice"),
                Runtime.getRuntime().availableProcessors());

        ConcurrentLinkedQueue<String> warmUpStreams = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
        IntFunction<HttpRequest> post = i -> request("/v1/live-streams").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"load " + i + "\"}")).build();
        int createRate = rate("create-rate", 20);
        runPhase("warm-up POST /v1/live-streams", createRate, duration("warmup", "30s"), post, 201, body -> collectId(body, warmUpStreams));
        Phase create = runPhase("POST /v1/live-streams", createRate, duration("create-duration", "30s"), post, 201,
                body -> collectId(body, created));
        List<String> ids = new ArrayList<>(created);
        if (ids.isEmpty()) {
            throw new IllegalStateException("no stream was created; is the service up and the user a streamer?");
        }

        int rate = rate("rate", 200);
        IntFunction<HttpRequest> get = i -> request("/v1/live-streams/" + ids.get(i % ids.size())).GET().build();
        runPhase("warm-up GET /v1/live-streams/{id}", rate, duration("warmup", "30s"), get, 200, body -> { });
        Phase read = runPhase("GET /v1/live-streams/{id}", rate, duration("duration", "120s"), get, 200, body -> { });

        System.out.println();
        create.print();
        read.print();
        if (!Boolean.parseBoolean(option("keep", "false"))) {
            ids.addAll(warmUpStreams);
            for (String id : ids) {
                http.send(request("/v1/live-streams/" + id).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    private static void collectId(String body, ConcurrentLinkedQueue<String> ids) {
        Matcher id = ID.matcher(body);
        if (id.find()) {
            ids.add(id.group(1));
        }
    }

    /** What one phase measured. */
    private record Phase(String name, int rate, Duration duration, long sent, long failed, Histogram latency,
            double loadBefore, double loadAfter) {

        void print() {
            double seconds = duration.toNanos() / 1e9;
            System.out.printf("%s at %d/s for %ds: %d requests (%.1f/s), %d failed; machine load average %.2f -> %.2f%n",
                    name, rate, duration.toSeconds(), sent, sent / seconds, failed, loadBefore, loadAfter);
            System.out.printf("  latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                    ms(latency.getValueAtPercentile(50)), ms(latency.getValueAtPercentile(90)),
                    ms(latency.getValueAtPercentile(99)), ms(latency.getValueAtPercentile(99.9)), ms(latency.getMaxValue()));
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    private Phase runPhase(String name, int rate, Duration duration, IntFunction<HttpRequest> requests, int expectedStatus,
            java.util.function.Consumer<String> onBody) throws InterruptedException {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Recorder recorder = new Recorder(MAX_LATENCY_NANOS, 3);
        AtomicLong failed = new AtomicLong();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long count = duration.toNanos() / interval;
        List<CompletableFuture<?>> inFlight = new ArrayList<>((int) count);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.add(http.sendAsync(requests.apply(i), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        recorder.recordValue(Math.min(System.nanoTime() - due, MAX_LATENCY_NANOS));
                        if (error != null || response.statusCode() != expectedStatus) {
                            failed.incrementAndGet();
                        } else {
                            onBody.accept(response.body());
                        }
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        Phase phase = new Phase(name, rate, duration, count, failed.get(), recorder.getIntervalHistogram(), loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("  %s done: p99 %.2f ms, %d failed%n", name, phase.latency().getValueAtPercentile(99) / 1e6,
                phase.failed());
        return phase;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private String fetchToken() throws IOException, InterruptedException {
        String user = option("user", "alice");
        String form = "grant_type=password&client_id=" + enc(option("client", "sluice-cli")) + "&username=" + enc(user)
                + "&password=" + enc(option("password", user));
        HttpRequest request = HttpRequest.newBuilder(URI.create(option("oidc", "http://localhost:8180/realms/sluice")
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher matcher = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("no token: HTTP " + response.statusCode());
        }
        return matcher.group(1);
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private int rate(String name, int fallback) {
        return Integer.parseInt(option(name, Integer.toString(fallback)));
    }

    private Duration duration(String name, String fallback) {
        String value = option(name, fallback);
        return Duration.ofSeconds(Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

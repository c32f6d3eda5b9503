package io.sluice.loadgen.api;

import io.sluice.loadgen.Options;
import io.sluice.loadgen.auth.AuthApi;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntFunction;
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
 * round-robin. Streams it creates are deleted at the end ({@code --keep} keeps them). Each phase reports
 * the machine's load average, since other work on a small machine shows in the tail latencies.
 */
public final class ApiLoad {

    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Options options;
    private AuthApi api;

    private ApiLoad(Options options) {
        this.options = options;
    }

    /** The options this command reads. */
    public static Options declare(Options options) {
        return options
                .declare("api", "http://localhost:8080", "the auth API")
                .declare("oidc", "http://localhost:8180/realms/sluice", "the OpenID provider (realm URL)")
                .declare("client", "sluice-cli", "the public client for the password grant")
                .declare("user", "alice", "the user, a streamer")
                .declare("password", null, "the user's password (default: the user name, as for the demo users)")
                .declare("create-rate", "20", "creates per second")
                .declare("create-duration", "30s", "measured creates")
                .declare("rate", "200", "gets per second")
                .declare("warmup", "30s", "each warm-up phase")
                .declare("duration", "120s", "measured gets")
                .declare("keep", "false", "keep the streams created");
    }

    public static void run(Options options) throws Exception {
        new ApiLoad(options).run();
    }

    private void run() throws Exception {
        String user = options.string("user");
        api = AuthApi.signIn(URI.create(options.string("api")), options.string("oidc"), options.string("client"),
                user, options.has("password") ? options.string("password") : user);
        System.out.printf("auth API load: %s, user %s, %d CPUs%n", options.string("api"), user,
                Runtime.getRuntime().availableProcessors());

        ConcurrentLinkedQueue<String> warmUpStreams = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
        IntFunction<HttpRequest> post = i -> api.request("/v1/live-streams").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"load " + i + "\"}")).build();
        int createRate = options.integer("create-rate", 1, 10_000);
        Duration warmup = options.duration("warmup");
        runPhase("warm-up POST /v1/live-streams", createRate, warmup, post, 201, body -> collectId(body, warmUpStreams));
        Phase create = runPhase("POST /v1/live-streams", createRate, options.duration("create-duration"), post, 201,
                body -> collectId(body, created));
        List<String> ids = new ArrayList<>(created);
        if (ids.isEmpty()) {
            throw new IllegalStateException("no stream was created; is the service up and the user a streamer?");
        }

        int rate = options.integer("rate", 1, 100_000);
        IntFunction<HttpRequest> get = i -> api.request("/v1/live-streams/" + ids.get(i % ids.size())).GET().build();
        runPhase("warm-up GET /v1/live-streams/{id}", rate, warmup, get, 200, body -> { });
        Phase read = runPhase("GET /v1/live-streams/{id}", rate, options.duration("duration"), get, 200, body -> { });

        System.out.println();
        create.print();
        read.print();
        if (!options.flag("keep")) {
            ids.addAll(warmUpStreams);
            for (String id : ids) {
                api.deleteStream(id);
            }
        }
    }

    private static void collectId(String body, ConcurrentLinkedQueue<String> ids) {
        String id = AuthApi.idOf(body);
        if (id != null) {
            ids.add(id);
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
            Consumer<String> onBody) {
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
            inFlight.add(api.http().sendAsync(requests.apply(i), HttpResponse.BodyHandlers.ofString())
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
}

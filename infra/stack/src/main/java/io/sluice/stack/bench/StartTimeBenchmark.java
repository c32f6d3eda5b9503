package io.sluice.stack.bench;

import io.sluice.stack.Stack;
import io.sluice.stack.StackException;
import io.sluice.stack.StackSettings;
import io.sluice.stack.component.Health;
import io.sluice.stack.component.QuarkusService;
import io.sluice.stack.component.StartupCache;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Process start to ready, with and without the build's start-up cache, for each service, against the
 * running test stack ({@code test-stack up}): the service is started exactly as the stack starts it, the
 * clock runs from the fork to the first 200 of {@code /q/health/ready} (polled every 10 ms), and the CPU time
 * the process used until then is read with it. The resident set is read after {@code --idle} seconds of
 * idling. Runs alternate between the variants, so that a change in the machine's load hits them all.
 * {@code --train} adds a third variant: a cache trained by one full start against the stack (up to ready,
 * then SIGTERM; JEP 514's {@code -XX:AOTCacheOutput}), where the build's covers static initialisation only.
 * {@code --floor} measures first, the same way, the floor: {@code benchmarks/start-floor}, a Quarkus application
 * with one HTTP endpoint and health checks and nothing else (build it with
 * {@code ./mvnw -f benchmarks/start-floor/pom.xml -DskipTests package}).
 *
 * <pre>java -cp infra/stack/target/sluice-stack-*-cli.jar io.sluice.stack.bench.StartTimeBenchmark [--runs N] [--idle S] [--train] [--floor] [service...]</pre>
 */
public final class StartTimeBenchmark {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** Writing the trained cache at exit takes a while on a busy machine. */
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(180);

    /** One start of one service. */
    record Run(long readyMillis, long cpuMillis, long idleRssKib) {
    }

    /** A way to start the service: a label for the table and the command. */
    record Variant(String label, List<String> command) {
    }

    private StartTimeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Path root = Path.of(env.getOrDefault("SLUICE_ROOT", ".")).toAbsolutePath().normalize();
        Path home = Path.of(env.getOrDefault("SLUICE_HOME", root.resolve(".sluice").toString())).resolve("test");
        int runs = 5;
        int idleSeconds = 10;
        boolean train = false;
        boolean floor = false;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--idle" -> idleSeconds = Integer.parseInt(args[++i]);
                case "--train" -> train = true;
                case "--floor" -> floor = true;
                default -> names.add(args[i]);
            }
        }
        if (!Files.isRegularFile(home.resolve("endpoints.properties"))) {
            throw new StackException("no test stack is running in " + home + "; start it with test-stack up");
        }
        Stack stack = Stack.forTests(root, home, env);
        List<QuarkusService> services = new ArrayList<>();
        if (floor) {
            services.add(floorApplication(stack));
        }
        stack.services().stream().filter(s -> names.isEmpty() || names.contains(s.name())).forEach(services::add);
        System.out.printf("| service | start-up cache | runs | start to ready, median (min-max) | CPU to ready, median | RSS after %d s idle, median |%n", idleSeconds);
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (QuarkusService service : services) {
            service.requireBuilt();
            service.prepare();
            List<Variant> variants = new ArrayList<>(List.of(new Variant("none", service.command(false)),
                    new Variant(StartupCache.of(service.application()).usable()
                            .map(p -> p.getFileName() + " (" + sizeMib(p) + " MiB)").orElse("none usable"), service.command(true))));
            if (train) {
                Path trained = trainedCache(service, home);
                variants.add(new Variant("trained " + trained.getFileName() + " (" + sizeMib(trained) + " MiB)",
                        withOption(service.command(false), "-XX:AOTCache=" + trained)));
            }
            Map<Variant, List<Run>> results = new LinkedHashMap<>();
            for (int i = 0; i < runs; i++) {
                for (Variant variant : variants) {
                    results.computeIfAbsent(variant, v -> new ArrayList<>()).add(measure(service, variant, idleSeconds, home));
                }
            }
            results.forEach((variant, list) -> System.out.printf("| %s | %s | %d | %s | %.2f s | %d MiB |%n",
                    service.name(), variant.label(), list.size(), spread(list),
                    median(list, Run::cpuMillis) / 1000.0, median(list, Run::idleRssKib) / 1024));
            System.out.flush();
        }
    }

    /** The floor application, on a free port, with the services' JVM options and nothing to connect to. */
    private static QuarkusService floorApplication(Stack stack) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StackSettings settings = stack.settings().with("floor.port", Integer.toString(port));
        return new QuarkusService(settings, "floor", "benchmarks/start-floor", List.of(new QuarkusService.PortClaim("floor.port", "HTTP")),
                Map.of("QUARKUS_HTTP_PORT", Integer.toString(port)), process -> {
                });
    }

    /** One start to ready with {@code -XX:AOTCacheOutput}, then SIGTERM: the JVM writes the cache as it exits. */
    private static Path trainedCache(QuarkusService service, Path home) throws IOException, InterruptedException {
        Path cache = home.resolve("bench").resolve(service.name() + "-trained.aot");
        Files.deleteIfExists(cache);
        Process process = start(service, withOption(service.command(false), "-XX:AOTCacheOutput=" + cache),
                home.resolve("bench").resolve(service.name() + "-training.log"));
        try {
            awaitReady(service, process, System.nanoTime());
        } finally {
            process.destroy();
            if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (!Files.isRegularFile(cache)) {
            throw new StackException(service.name() + " wrote no trained cache; see its training log");
        }
        return cache;
    }

    private static Run measure(QuarkusService service, Variant variant, int idleSeconds, Path home)
            throws IOException, InterruptedException {
        Path log = home.resolve("bench").resolve(service.name() + "-" + variant.label().split(" ")[0] + ".log");
        long started = System.nanoTime();
        Process process = start(service, variant.command(), log);
        try {
            awaitReady(service, process, started);
            long readyMillis = (System.nanoTime() - started) / 1_000_000;
            long cpuMillis = process.toHandle().info().totalCpuDuration().orElseThrow().toMillis();
            Thread.sleep(Duration.ofSeconds(idleSeconds));
            return new Run(readyMillis, cpuMillis, residentKib(process.pid()));
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static Process start(QuarkusService service, List<String> command, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(service.module().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(service.processEnvironment());
        return builder.start();
    }

    private static void awaitReady(QuarkusService service, Process process, long started) throws InterruptedException {
        String ready = service.url() + "/q/health/ready";
        while (!Health.httpOk(ready)) {
            if (!process.isAlive()) {
                throw new StackException(service.name() + " exited while starting; see its log in .sluice/test/bench");
            }
            if (System.nanoTime() - started > READY_TIMEOUT.toNanos()) {
                throw new StackException(service.name() + " was not ready within " + READY_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(10);
        }
    }

    /** The command with one more JVM option, before {@code -jar}. */
    private static List<String> withOption(List<String> command, String option) {
        List<String> with = new ArrayList<>(command);
        with.add(with.indexOf("-jar"), option);
        return with;
    }

    private static long sizeMib(Path file) {
        try {
            return Files.size(file) / (1024 * 1024);
        } catch (IOException e) {
            throw new StackException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** VmRSS of /proc/PID/status, in KiB. */
    private static long residentKib(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElseThrow(() -> new StackException("no VmRSS for process " + pid));
    }

    private static String spread(List<Run> runs) {
        long[] ready = runs.stream().mapToLong(Run::readyMillis).sorted().toArray();
        return String.format("%d ms (%d-%d)", median(runs, Run::readyMillis), ready[0], ready[ready.length - 1]);
    }

    private static long median(List<Run> runs, ToLongFunction<Run> value) {
        long[] sorted = runs.stream().mapToLong(value).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

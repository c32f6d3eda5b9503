package io.sluice.stack.component;

import io.sluice.stack.StackException;
import io.sluice.stack.StackSettings;
import io.sluice.stack.process.ManagedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** One of the four Sluice services, run from its built Quarkus application. */
public final class QuarkusService implements Component {

    /** A port the service listens on: the setting that holds it, and what it is for. */
    public record PortClaim(String key, String label) {
    }

    private final StackSettings settings;
    private final String name;
    private final Path module;
    private final List<PortClaim> ports;
    private final Map<String, String> environment;
    private final Consumer<ManagedProcess> beforeStart;
    private final ManagedProcess process;

    /**
     * @param ports the HTTP port first, then any other listener
     * @param environment the service's configuration, as environment variables
     * @param beforeStart prepares what the service needs on disk (a certificate, say), logging to its log
     */
    public QuarkusService(StackSettings settings, String name, String module, List<PortClaim> ports,
            Map<String, String> environment, Consumer<ManagedProcess> beforeStart) {
        this.settings = settings;
        this.name = name;
        this.module = settings.root().resolve(module);
        this.ports = List.copyOf(ports);
        this.environment = Map.copyOf(environment);
        this.beforeStart = beforeStart;
        this.process = new ManagedProcess(name, settings.runDir(), settings.logDir());
    }

    @Override
    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + settings.port(ports.getFirst().key());
    }

    @Override
    public void requirePortsFree() {
        if (process.running().isEmpty()) {
            for (PortClaim port : ports) {
                Ports.requireFree(settings, port.key(), name + " " + port.label());
            }
        }
    }

    @Override
    public void up() {
        if (process.running().isEmpty()) {
            requireBuilt();
            requirePortsFree();
            prepare();
            process.start(command(startupCacheOptions()), processEnvironment(), module);
        }
        Health.await(process, Duration.ofSeconds(120), this::healthy);
    }

    /** Makes what the service needs on disk before it starts (the ingest's certificate). */
    public void prepare() {
        beforeStart.accept(process);
    }

    /** The service's Quarkus application folder: {@code target/quarkus-app} of its module. */
    public Path application() {
        return module.resolve("target/quarkus-app");
    }

    /** The module folder, which the service runs in. */
    public Path module() {
        return module;
    }

    /** Fails with the command that builds the service when it is not built. */
    public void requireBuilt() {
        Path jar = application().resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new StackException(name + " is not built (no " + settings.root().relativize(jar)
                    + "); run ./mvnw -DskipTests package first");
        }
    }

    /**
     * The command that runs the service: the stack's heap and JVM options, and the build's start-up cache
     * when {@code withStartupCache} and the cache fits this JDK ({@link StartupCache}).
     */
    public List<String> command(boolean withStartupCache) {
        return command(withStartupCache ? StartupCache.of(application()).jvmOptions() : List.of());
    }

    private List<String> command(List<String> startupCacheOptions) {
        List<String> command = new ArrayList<>();
        command.add(settings.javaExecutable().toString());
        command.add("-Xmx" + settings.get("service.heap"));
        command.addAll(settings.words("service.jvm-options"));
        command.addAll(startupCacheOptions);
        command.addAll(List.of("-jar", application().resolve("quarkus-run.jar").toString()));
        return command;
    }

    /**
     * The local stack trains a cache on the service's first run after a build and starts with it from then
     * on ({@link TrainedStartupCache}); a test stack, whose services are killed and started over by the
     * tests, keeps to the build's cache.
     */
    private List<String> startupCacheOptions() {
        if (!settings.get("service.startup-cache").equals("true")) {
            return List.of();
        }
        TrainedStartupCache trained = TrainedStartupCache.of(settings.home().resolve("cache"), name, application());
        if (settings.mode() == StackSettings.Mode.LOCAL && settings.get("service.trained-cache").equals("true")
                && trained.supported()) {
            try {
                Files.createDirectories(trained.file().getParent());
            } catch (IOException e) {
                throw new StackException("cannot create " + trained.file().getParent() + ": " + e.getMessage());
            }
            return trained.jvmOptions();
        }
        return StartupCache.of(application()).jvmOptions();
    }

    /**
     * The service's configuration, and two glibc malloc arenas instead of eight per core: the JVM's own
     * threads would otherwise each keep an arena of freed memory (MALLOC_ARENA_MAX, glibc's mallopt(3)).
     */
    public Map<String, String> processEnvironment() {
        Map<String, String> all = new HashMap<>(environment);
        all.putIfAbsent("MALLOC_ARENA_MAX", "2");
        return all;
    }

    @Override
    public void down() {
        process.stop(Duration.ofSeconds(40));
    }

    @Override
    public ComponentStatus status() {
        return ComponentStatus.ofProcess(name, process, this::healthy, url(),
                "health " + url() + "/q/health, metrics " + url() + "/q/metrics");
    }

    boolean healthy() {
        return Health.httpOk(url() + "/q/health/ready");
    }
}

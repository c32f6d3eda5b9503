package io.sluice.stack;

import io.sluice.stack.component.Component;
import io.sluice.stack.component.ComponentStatus;
import io.sluice.stack.component.KafkaBroker;
import io.sluice.stack.component.Keycloak;
import io.sluice.stack.component.Ports;
import io.sluice.stack.component.PostgresServer;
import io.sluice.stack.component.QuarkusService;
import io.sluice.stack.provision.ServiceDatabase;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The whole platform in start order: PostgreSQL, Kafka, Keycloak, then the four services and the console. {@code down}
 * stops in the reverse order.
 */
public final class Stack {

    /** Settings a test stack draws fresh free ports for, so it never collides with a local stack. */
    private static final List<String> TEST_PORTS = List.of("kafka.port", "kafka.controller.port", "keycloak.port",
            "keycloak.management-port", "auth.port", "ingest.port", "ingest.rtmp-port", "ingest.rtmps-port",
            "recording.port", "simulcast.port", "console.port");

    private final StackSettings settings;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final Keycloak keycloak;
    private final List<QuarkusService> services;

    private Stack(StackSettings settings) {
        this.settings = settings;
        this.postgres = new PostgresServer(settings, ServiceCatalog.databases(settings));
        this.kafka = new KafkaBroker(settings);
        this.keycloak = new Keycloak(settings);
        this.services = ServiceCatalog.services(settings, endpoints());
    }

    /** The stack of {@code ./sluice up}: the configured ports, data kept in {@code home}. */
    public static Stack local(Path root, Path home, Map<String, String> environment) {
        return new Stack(StackSettings.load(root, home, StackSettings.Mode.LOCAL, environment));
    }

    /**
     * A throw-away stack for a test run. Its ports are drawn once and remembered in {@code home}, so another
     * process (the one that stops it, a test JVM) finds the same stack again.
     */
    public static Stack forTests(Path root, Path home, Map<String, String> environment) {
        Path saved = home.resolve("settings.properties");
        StackSettings settings = StackSettings.load(root, home, StackSettings.Mode.TEST, environment);
        if (Files.isRegularFile(saved)) {
            for (Map.Entry<String, String> e : read(saved).entrySet()) {
                settings = settings.with(e.getKey(), e.getValue());
            }
            return new Stack(settings);
        }
        for (String key : TEST_PORTS) {
            settings = settings.with(key, Integer.toString(Ports.free()));
        }
        write(saved, settings.values());
        Stack fresh = new Stack(settings);
        fresh.kafka.deleteData();
        return fresh;
    }

    /**
     * A new test stack: whatever an earlier run left behind in {@code home} (processes of a run that was
     * killed, its ports, its records) is stopped and forgotten first.
     */
    public static Stack freshForTests(Path root, Path home, Map<String, String> environment) {
        Stack leftover = forTests(root, home, environment);
        leftover.down(line -> { });
        leftover.forget();
        return forTests(root, home, environment);
    }

    /** Forgets a test stack's ports once it is down, so the next run draws new ones. */
    public void forget() {
        try {
            Files.deleteIfExists(settings.home().resolve("settings.properties"));
        } catch (IOException e) {
            throw new StackException("cannot delete " + settings.home().resolve("settings.properties"));
        }
    }

    public StackSettings settings() {
        return settings;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public Keycloak keycloak() {
        return keycloak;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public List<QuarkusService> services() {
        return services;
    }

    public List<Component> infrastructure() {
        return List.of(postgres, kafka, keycloak);
    }

    public List<Component> components() {
        List<Component> all = new ArrayList<>(infrastructure());
        all.addAll(services);
        return all;
    }

    public StackEndpoints endpoints() {
        Map<String, StackEndpoints.Database> databases = new TreeMap<>();
        for (ServiceDatabase db : postgres.databases()) {
            databases.put(db.service(), new StackEndpoints.Database(db.jdbcUrl(postgres.host(), postgres.port()), db.user(), db.password()));
        }
        return new StackEndpoints(kafka.bootstrapServers(), keycloak.url(), databases);
    }

    /** Starts the named components (all when none are named), in order, each once it is healthy. */
    public void up(Collection<String> names, Consumer<String> progress) {
        List<Component> selected = select(names);
        selected.forEach(Component::requirePortsFree);
        for (Component component : selected) {
            long started = System.nanoTime();
            progress.accept(String.format("  %-10s starting", component.name()));
            component.up();
            ComponentStatus status = component.status();
            progress.accept(String.format("  %-10s %-9s %s (%.1f s)", component.name(), status.state().name().toLowerCase(),
                    status.address(), (System.nanoTime() - started) / 1e9));
        }
    }

    /** Stops every component this stack started, in reverse order. */
    public void down(Consumer<String> progress) {
        List<Component> reversed = new ArrayList<>(components());
        java.util.Collections.reverse(reversed);
        for (Component component : reversed) {
            ComponentStatus before = component.status();
            component.down();
            if (before.pid() != 0) {
                progress.accept(String.format("  %-10s stopped (pid %d)", component.name(), before.pid()));
            }
        }
    }

    public List<ComponentStatus> status() {
        return components().stream().map(Component::status).toList();
    }

    private List<Component> select(Collection<String> names) {
        if (names.isEmpty()) {
            return components();
        }
        Map<String, Component> byName = new java.util.LinkedHashMap<>();
        components().forEach(c -> byName.put(c.name(), c));
        List<Component> selected = new ArrayList<>();
        for (Component c : components()) {
            if (names.contains(c.name())) {
                selected.add(c);
            }
        }
        for (String name : names) {
            if (!byName.containsKey(name)) {
                throw new StackException("no component named '" + name + "'; components: " + String.join(", ", byName.keySet()));
            }
        }
        return selected;
    }

    private static Map<String, String> read(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        } catch (IOException e) {
            throw new StackException("cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k)));
        return values;
    }

    private static void write(Path file, Map<String, String> values) {
        Properties props = new Properties();
        props.putAll(values);
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file)) {
                props.store(writer, "Settings of a test stack");
            }
        } catch (IOException e) {
            throw new StackException("cannot write " + file + ": " + e.getMessage());
        }
    }
}

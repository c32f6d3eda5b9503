package io.sluice.deploy;

import io.sluice.stack.ServiceCatalog;
import io.sluice.stack.StackEndpoints;
import io.sluice.stack.StackSettings;
import io.sluice.stack.component.QuarkusService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The environment variables the local stack gives each service ({@code ServiceCatalog}), and the JVM options it
 * starts them with: the containers and pods must set the same ones, so that a service behaves alike wherever
 * it runs.
 */
final class LocalStackEnvironment {

    /** By the service's module name ({@code auth-service}, ...). */
    static Map<String, Set<String>> variableNames() {
        StackSettings settings = settings();
        Map<String, StackEndpoints.Database> databases = new TreeMap<>();
        ServiceCatalog.databases(settings).forEach(db ->
                databases.put(db.service(), new StackEndpoints.Database(db.jdbcUrl("localhost", 5432), db.user(), db.password())));
        StackEndpoints endpoints = new StackEndpoints("localhost:9092", "http://localhost:8180", databases);
        Map<String, Set<String>> names = new TreeMap<>();
        for (QuarkusService service : ServiceCatalog.services(settings, endpoints)) {
            names.put(service.module().getFileName().toString(), new TreeSet<>(service.processEnvironment().keySet()));
        }
        return names;
    }

    /** {@code service.jvm-options}, one option a word. */
    static List<String> jvmOptions() {
        return settings().words("service.jvm-options");
    }

    /** The settings of infra/config/stack.properties, with no environment variable overriding them. */
    private static StackSettings settings() {
        return StackSettings.load(Checkout.ROOT, Path.of(System.getProperty("java.io.tmpdir"), "sluice-deploy-check"),
                StackSettings.Mode.LOCAL, Map.of());
    }

    private LocalStackEnvironment() {
    }
}

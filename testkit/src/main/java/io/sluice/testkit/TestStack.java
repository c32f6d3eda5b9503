package io.sluice.testkit;

import io.sluice.stack.Stack;
import io.sluice.stack.StackEndpoints;
import io.sluice.stack.component.ComponentStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real Kafka, PostgreSQL and Keycloak the tests talk to, one per build.
 *
 * <p>{@code ./sluice test} starts a test stack before Maven and stops it after, and every test JVM of the
 * build finds it through {@code SLUICE_TEST_STACK} (or at its usual place). A test JVM that finds none,
 * such as one module's tests run alone, starts one itself and stops it when the JVM exits.
 */
public final class TestStack {

    private static TestStack instance;

    private final Stack stack;
    private final StackEndpoints endpoints;

    private TestStack(Stack stack, StackEndpoints endpoints) {
        this.stack = stack;
        this.endpoints = endpoints;
    }

    public static synchronized TestStack get() {
        if (instance == null) {
            instance = locateOrStart();
        }
        return instance;
    }

    public StackEndpoints endpoints() {
        return endpoints;
    }

    /** The stack itself, for tests that stop and start a component (Kafka, say) on purpose. */
    public Stack stack() {
        return stack;
    }

    /** The checkout: set by the build as {@code sluice.root}, else found above the working directory. */
    public static Path root() {
        String configured = System.getProperty("sluice.root");
        if (configured != null && Files.isRegularFile(Path.of(configured, "infra/config/stack.properties"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("infra/config/stack.properties"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Sluice checkout (infra/config/stack.properties) above "
                + Path.of("").toAbsolutePath());
    }

    private static TestStack locateOrStart() {
        Path root = root();
        String configured = System.getenv("SLUICE_TEST_STACK");
        Path file = configured != null ? Path.of(configured) : root.resolve(".sluice/test/endpoints.properties");
        if (Files.isRegularFile(file)) {
            Stack stack = Stack.forTests(root, file.getParent(), System.getenv());
            if (awaitHealthy(stack, configured != null ? Duration.ofSeconds(60) : Duration.ofSeconds(5))) {
                return new TestStack(stack, StackEndpoints.load(file));
            }
            if (configured != null) {
                throw new IllegalStateException("SLUICE_TEST_STACK names " + file + " but its components are not healthy");
            }
        }
        return startOwn(root, root.resolve(".sluice/test"));
    }

    /** A loaded machine can make a probe time out once; a stack that is up answers within the limit. */
    private static boolean awaitHealthy(Stack stack, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!infrastructureHealthy(stack)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static boolean infrastructureHealthy(Stack stack) {
        List<ComponentStatus> statuses = stack.infrastructure().stream().map(c -> c.status()).toList();
        return statuses.stream().allMatch(s -> s.state() == ComponentStatus.State.HEALTHY
                || s.state() == ComponentStatus.State.EXTERNAL);
    }

    private static TestStack startOwn(Path root, Path home) {
        Stack stack = Stack.freshForTests(root, home, System.getenv());
        stack.up(List.of("postgres", "kafka", "keycloak"), line -> System.out.println("[test-stack] " + line));
        Path file = home.resolve("endpoints.properties");
        stack.endpoints().save(file);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.down(line -> System.out.println("[test-stack] " + line));
            stack.forget();
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // The next run overwrites it.
            }
        }, "test-stack-down"));
        return new TestStack(stack, stack.endpoints());
    }
}

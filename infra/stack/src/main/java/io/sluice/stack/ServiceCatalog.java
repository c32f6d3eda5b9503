package io.sluice.stack;

import io.sluice.stack.component.QuarkusService.PortClaim;
import io.sluice.stack.component.QuarkusService;
import io.sluice.stack.process.ManagedProcess;
import io.sluice.stack.provision.SelfSignedCertificate;
import io.sluice.stack.provision.ServiceDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The four services of the platform and the console, and how the stack configures each: environment variables only, the
 * same ones a container or a Kubernetes pod would set.
 */
public final class ServiceCatalog {

    private static final List<PortClaim> INGEST_PORTS = List.of(new PortClaim("ingest.port", "HTTP"),
            new PortClaim("ingest.rtmp-port", "RTMP"), new PortClaim("ingest.rtmps-port", "RTMPS"));

    /** Services with a database of their own, by service name. */
    public static final List<String> WITH_DATABASE = List.of("auth", "recording", "simulcast");

    private ServiceCatalog() {
    }

    public static List<ServiceDatabase> databases(StackSettings settings) {
        String suffix = settings.mode() == StackSettings.Mode.TEST ? "_t" + Integer.toHexString(settings.home().hashCode()) : "";
        return WITH_DATABASE.stream()
                .map(service -> new ServiceDatabase(service, "sluice_" + service + suffix, "sluice_" + service, "sluice_" + service))
                .toList();
    }

    public static List<QuarkusService> services(StackSettings settings, StackEndpoints endpoints) {
        Consumer<ManagedProcess> nothing = log -> { };
        Path javaHome = settings.javaExecutable().getParent().getParent();
        return List.of(
                new QuarkusService(settings, "auth", "auth-service", List.of(new PortClaim("auth.port", "HTTP")),
                        authEnvironment(settings, endpoints), nothing),
                new QuarkusService(settings, "ingest", "ingest-service", INGEST_PORTS, ingestEnvironment(settings, endpoints),
                        log -> tlsCertificate(settings).ensure(javaHome, log)),
                new QuarkusService(settings, "recording", "recording-service", List.of(new PortClaim("recording.port", "HTTP")),
                        recordingEnvironment(settings, endpoints), nothing),
                new QuarkusService(settings, "simulcast", "simulcast-service", List.of(new PortClaim("simulcast.port", "HTTP")),
                        simulcastEnvironment(settings, endpoints), nothing),
                new QuarkusService(settings, "console", "console", List.of(new PortClaim("console.port", "HTTP")),
                        consoleEnvironment(settings, endpoints), nothing));
    }

    private static Map<String, String> environment(StackSettings settings, StackEndpoints endpoints, String service, String portKey) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", settings.get(portKey));
        env.put("KAFKA_BOOTSTRAP_SERVERS", endpoints.kafkaBootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", endpoints.oidcServerUrl());
        env.put("QUARKUS_OIDC_CLIENT_ID", "sluice-" + service + "-service");
        // The local realm's client secrets are public knowledge (infra/config/keycloak); production sets its own.
        env.put("QUARKUS_OIDC_CREDENTIALS_SECRET", "local-" + service + "-service-secret");
        if (endpoints.databases().containsKey(service)) {
            StackEndpoints.Database db = endpoints.database(service);
            env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", db.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
        }
        return env;
    }

    /** The addresses auth-service hands to users are this stack's own. */
    private static Map<String, String> authEnvironment(StackSettings settings, StackEndpoints endpoints) {
        Map<String, String> env = environment(settings, endpoints, "auth", "auth.port");
        env.put("SLUICE_AUTH_INGEST_RTMPS_URL", "rtmps://localhost:" + settings.get("ingest.rtmps-port") + "/live");
        env.put("SLUICE_AUTH_INGEST_RTMP_URL", "rtmp://localhost:" + settings.get("ingest.rtmp-port") + "/live");
        env.put("SLUICE_AUTH_PLAYBACK_BASE_URL", "http://localhost:" + settings.get("recording.port"));
        return env;
    }

    /**
     * The console signs people in through the stack's Keycloak with a client of its own, and calls this
     * stack's services with their tokens. It has no database and reads no Kafka topic.
     */
    private static Map<String, String> consoleEnvironment(StackSettings settings, StackEndpoints endpoints) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", settings.get("console.port"));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", endpoints.oidcServerUrl());
        env.put("QUARKUS_OIDC_CLIENT_ID", "sluice-console");
        env.put("QUARKUS_OIDC_CREDENTIALS_SECRET", "local-console-secret");
        env.put("SLUICE_CONSOLE_SERVICES_AUTH", "http://localhost:" + settings.get("auth.port"));
        env.put("SLUICE_CONSOLE_SERVICES_RECORDING", "http://localhost:" + settings.get("recording.port"));
        env.put("SLUICE_CONSOLE_SERVICES_SIMULCAST", "http://localhost:" + settings.get("simulcast.port"));
        return env;
    }

    /**
     * Recordings are kept in the stack's state folder ({@code .sluice/recordings}), and the playback and download
     * URLs recording-service hands out are this stack's own.
     */
    private static Map<String, String> recordingEnvironment(StackSettings settings, StackEndpoints endpoints) {
        Map<String, String> env = environment(settings, endpoints, "recording", "recording.port");
        env.put("SLUICE_RECORDING_STORAGE_TYPE", "filesystem");
        env.put("SLUICE_RECORDING_STORAGE_DIRECTORY", settings.home().resolve("recordings").toString());
        env.put("SLUICE_RECORDING_PUBLIC_BASE_URL", "http://localhost:" + settings.get("recording.port"));
        return env;
    }

    /**
     * Locally, simulcast targets may be on loopback (a local nginx, or the stack's own ingest); production refuses
     * them (the default). The target keys' encryption key is the local stack's own, public like its client secrets.
     */
    private static Map<String, String> simulcastEnvironment(StackSettings settings, StackEndpoints endpoints) {
        Map<String, String> env = environment(settings, endpoints, "simulcast", "simulcast.port");
        env.put("SLUICE_SIMULCAST_TARGETS_ALLOW_PRIVATE_ADDRESSES", "true");
        env.put("SLUICE_SIMULCAST_ENCRYPTION_ACTIVE_KEY_ID", "local");
        env.put("SLUICE_SIMULCAST_ENCRYPTION_KEYS", "local:c2x1aWNlLWxvY2FsLWRldmVsb3BtZW50LWtleS0zMmI=");
        // The stack's one simulcast instance keeps its consumer-group identity across restarts (static membership),
        // so a restart after a kill gets its partitions back at once and resumes its live sessions.
        env.put("SLUICE_SIMULCAST_MEDIA_INSTANCE_ID", "simulcast-local");
        return env;
    }

    private static Map<String, String> ingestEnvironment(StackSettings settings, StackEndpoints endpoints) {
        Map<String, String> env = environment(settings, endpoints, "ingest", "ingest.port");
        // The stack's one ingest keeps its id across restarts, so a restart after a kill ends what it left open.
        env.put("SLUICE_INGEST_INSTANCE_ID", "ingest-local");
        env.put("SLUICE_INGEST_RTMP_PORT", settings.get("ingest.rtmp-port"));
        env.put("SLUICE_INGEST_RTMPS_PORT", settings.get("ingest.rtmps-port"));
        // Locally, encoders without TLS may be tried; production refuses plain RTMP (the default).
        env.put("SLUICE_INGEST_RTMPS_ONLY", settings.get("ingest.rtmps-only"));
        SelfSignedCertificate tls = tlsCertificate(settings);
        env.put("SLUICE_INGEST_RTMPS_TLS_KEYSTORE", tls.keystore().toString());
        env.put("SLUICE_INGEST_RTMPS_TLS_KEYSTORE_PASSWORD", tls.password());
        return env;
    }

    /**
     * One more ingest instance beside the stack's own, on the same Kafka: {@code name} is its process, its
     * log and its instance id, and {@code settings} give it ports of its own ({@code ingest.port},
     * {@code ingest.rtmp-port}, {@code ingest.rtmps-port}). For tests of what instances do to each other.
     */
    public static QuarkusService ingestInstance(StackSettings settings, StackEndpoints endpoints, String name) {
        return ingestInstance(settings, endpoints, name, Map.of());
    }

    /** As {@link #ingestInstance(StackSettings, StackEndpoints, String)}, with more settings as environment variables. */
    public static QuarkusService ingestInstance(StackSettings settings, StackEndpoints endpoints, String name,
            Map<String, String> extraEnvironment) {
        Map<String, String> env = ingestEnvironment(settings, endpoints);
        env.put("SLUICE_INGEST_INSTANCE_ID", name);
        // May set the id otherwise; an empty one leaves it to the ingest's default (unique per process).
        env.putAll(extraEnvironment);
        Path javaHome = settings.javaExecutable().getParent().getParent();
        return new QuarkusService(settings, name, "ingest-service", INGEST_PORTS, env,
                log -> tlsCertificate(settings).ensure(javaHome, log));
    }

    /**
     * One more recording instance beside the stack's own, in the same consumer group: {@code name} is its
     * process and log, and {@code settings} give it a port of its own ({@code recording.port}). For tests of
     * partitions moving between instances.
     */
    public static QuarkusService recordingInstance(StackSettings settings, StackEndpoints endpoints, String name) {
        return new QuarkusService(settings, name, "recording-service", List.of(new PortClaim("recording.port", "HTTP")),
                recordingEnvironment(settings, endpoints), log -> { });
    }

    /** The local RTMPS certificate; {@link io.sluice.stack.component.QuarkusService} makes it before ingest starts. */
    public static SelfSignedCertificate tlsCertificate(StackSettings settings) {
        return SelfSignedCertificate.in(settings.home().resolve("tls"));
    }
}

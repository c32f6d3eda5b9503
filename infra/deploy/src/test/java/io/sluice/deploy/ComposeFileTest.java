package io.sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * infra/compose/compose.yaml as {@code docker compose config} resolves it (no container engine needed): the
 * platform's parts, each service with the local stack's environment and ports, read-only and healthy.
 */
class ComposeFileTest {

    /** The services' and the console's ports on the local stack (infra/config/stack.properties), published alike. */
    private static final Map<String, List<Integer>> PORTS = Map.of(
            "auth", List.of(8080), "ingest", List.of(8081, 1935, 1936), "recording", List.of(8082), "simulcast", List.of(8083),
            "console", List.of(8084));

    private static JsonNode services;

    @BeforeAll
    static void resolve() {
        services = Checkout.composeConfig().path("services");
    }

    @Test
    void itHasKafkaPostgresKeycloakAndTheServices() {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);

        assertThat(names).containsExactlyInAnyOrder("postgres", "kafka", "kafka-topics", "keycloak", "ingest-tls",
                "auth", "ingest", "recording", "simulcast", "console");
        assertThat(services.path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(services.path("kafka-topics").toString()).contains("topics.conf");
    }

    @Test
    void eachServiceGetsTheLocalStacksEnvironmentAndPorts() {
        Map<String, Set<String>> local = LocalStackEnvironment.variableNames();
        PORTS.forEach((name, ports) -> {
            JsonNode service = services.path(name);
            Set<String> env = new TreeSet<>();
            service.path("environment").fieldNames().forEachRemaining(env::add);
            assertThat(env).as(name).isEqualTo(local.get(module(name)));
            List<Integer> published = new ArrayList<>();
            service.path("ports").forEach(p -> {
                assertThat(p.path("published").asInt()).as(name + " publishes as the local stack").isEqualTo(p.path("target").asInt());
                published.add(p.path("target").asInt());
            });
            assertThat(published).as(name + " ports").containsExactlyInAnyOrderElementsOf(ports);
        });
    }

    @Test
    void theServicesRunFromTheirJvmImagesReadOnlyWithAHealthCheck() {
        for (String name : PORTS.keySet()) {
            JsonNode service = services.path(name);
            assertThat(service.path("build").path("dockerfile").asText()).as(name).isEqualTo("src/main/docker/Dockerfile.jvm");
            assertThat(service.path("build").path("context").asText()).as(name).endsWith("/" + module(name));
            assertThat(service.path("read_only").asBoolean()).as(name + " read-only").isTrue();
            assertThat(service.path("tmpfs").toString()).as(name + " /tmp").contains("/tmp");
            assertThat(service.path("healthcheck").path("test").toString()).as(name).contains("/q/health/ready");
        }
        assertThat(services.path("ingest").path("stop_grace_period").asText()).isEqualTo("45s");
    }

    /**
     * The browser and the console reach Keycloak by two names: the console asks keycloak:8180 (discovery and the
     * back channel), and Keycloak names http://localhost:8180, the published port, as its issuer and browser address.
     */
    @Test
    void theConsoleSignsInThroughKeycloakWhoseIssuerTheBrowserReaches() {
        JsonNode console = services.path("console").path("environment");
        assertThat(console.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText()).isEqualTo("http://keycloak:8180/realms/sluice");
        assertThat(console.path("SLUICE_CONSOLE_SERVICES_AUTH").asText()).isEqualTo("http://auth:8080");
        assertThat(console.path("SLUICE_CONSOLE_SERVICES_RECORDING").asText()).isEqualTo("http://recording:8082");
        assertThat(console.path("SLUICE_CONSOLE_SERVICES_SIMULCAST").asText()).isEqualTo("http://simulcast:8083");
        List<String> keycloak = new ArrayList<>();
        services.path("keycloak").path("command").forEach(arg -> keycloak.add(arg.asText()));
        assertThat(keycloak).contains("--hostname=http://localhost:8180", "--hostname-backchannel-dynamic=true");
        assertThat(services.path("keycloak").path("ports").toString()).contains("8180");
    }

    /** The module a compose service is built from. */
    private static String module(String service) {
        return service.equals("console") ? "console" : service + "-service";
    }
}

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

    /** The services' ports on the local stack (infra/config/stack.properties), published alike. */
    private static final Map<String, List<Integer>> PORTS = Map.of(
            "auth", List.of(8080), "ingest", List.of(8081, 1935, 1936), "recording", List.of(8082), "simulcast", List.of(8083));

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
                "auth", "ingest", "recording", "simulcast");
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
            assertThat(env).as(name).isEqualTo(local.get(name + "-service"));
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
            assertThat(service.path("build").path("context").asText()).as(name).endsWith("/" + name + "-service");
            assertThat(service.path("read_only").asBoolean()).as(name + " read-only").isTrue();
            assertThat(service.path("tmpfs").toString()).as(name + " /tmp").contains("/tmp");
            assertThat(service.path("healthcheck").path("test").toString()).as(name).contains("/q/health/ready");
        }
        assertThat(services.path("ingest").path("stop_grace_period").asText()).isEqualTo("45s");
    }
}

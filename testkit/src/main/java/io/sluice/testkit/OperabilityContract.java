package io.sluice.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What every service promises operators: liveness, a readiness that covers the real backends it needs,
 * Prometheus metrics, and an OpenAPI document that passes Redocly's recommended rules. Each service's
 * {@code @QuarkusTest} subclass names the readiness checks it must report.
 */
public abstract class OperabilityContract {

    /** The names of the readiness checks this service must report UP. */
    protected abstract String[] readinessChecks();

    @Test
    void readinessCoversTheBackends() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(readinessChecks()));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Clients are generated from it: every operation named, every example valid, servers and license stated. */
    @Test
    void theOpenApiDocumentPassesTheLinterWithoutAWarning() throws IOException {
        String document = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        if (new ObjectMapper().readTree(document).path("paths").isEmpty()) {
            // A service without an API yet: its document declares nothing a client could call. The day it
            // gains an operation, the whole document is linted.
            return;
        }
        // Kept in the module's target folder, where a failure's pointers can be looked up.
        Path file = Path.of("target", "openapi", "openapi.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, document, StandardCharsets.UTF_8);
        RedoclyLint.check(file);
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }
}

package io.sluice.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

/**
 * What every service promises operators: liveness, a readiness that covers the real backends it needs,
 * and Prometheus metrics. Each service's {@code @QuarkusTest} subclass names the readiness checks it must
 * report.
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

    @Test
    void metricsAreExposedForPrometheus() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }
}

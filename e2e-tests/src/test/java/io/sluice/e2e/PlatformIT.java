package io.sluice.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.sluice.stack.Stack;
import io.sluice.stack.component.ComponentStatus;
import io.sluice.stack.component.QuarkusService;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.TestStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The platform as {@code ./sluice up} runs it: the four packaged services started as processes on the
 * test stack's Kafka, PostgreSQL and Keycloak, then stopped again without leaving a process behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    private static Stack stack;

    @BeforeAll
    static void startServices() {
        stack = TestStack.get().stack();
        stack.up(stack.services().stream().map(QuarkusService::name).toList(), System.out::println);
    }

    @AfterAll
    static void stopServicesIfATestFailedEarly() {
        stack.services().forEach(QuarkusService::down);
    }

    @Test
    @Order(1)
    void everyComponentIsHealthy() {
        List<ComponentStatus> statuses = stack.status();

        assertThat(statuses).extracting(ComponentStatus::name)
                .containsExactly("postgres", "kafka", "keycloak", "auth", "ingest", "recording", "simulcast", "console");
        assertThat(statuses).allSatisfy(status -> assertThat(status.state())
                .as(status.name()).isIn(ComponentStatus.State.HEALTHY, ComponentStatus.State.EXTERNAL));
    }

    @Test
    @Order(2)
    void aDemoUsersTokenIsAcceptedByAuthService() {
        given().baseUri(authUrl()).auth().oauth2(DemoUser.BOB.accessToken())
                .when().get("/v1/me")
                .then().statusCode(200)
                .body("tenant", equalTo("globex"));
    }

    @Test
    @Order(3)
    void aRequestWithoutTokenGets401() {
        given().baseUri(authUrl()).when().get("/v1/me").then().statusCode(401);
    }

    @Test
    @Order(4)
    void downStopsEveryServiceProcessItStarted() {
        List<ProcessHandle> started = new ArrayList<>();
        for (QuarkusService service : stack.services()) {
            long pid = service.status().pid();
            assertThat(pid).as(service.name()).isPositive();
            ProcessHandle.of(pid).ifPresent(started::add);
        }

        stack.services().forEach(QuarkusService::down);

        for (ProcessHandle process : started) {
            assertThat(process.onExit()).succeedsWithin(Duration.ofSeconds(5));
            assertThat(process.isAlive()).isFalse();
        }
        assertThat(stack.services()).allSatisfy(service ->
                assertThat(service.status().state()).isEqualTo(ComponentStatus.State.STOPPED));
    }

    private static String authUrl() {
        return stack.services().stream().filter(s -> s.name().equals("auth")).findFirst().orElseThrow().url();
    }
}

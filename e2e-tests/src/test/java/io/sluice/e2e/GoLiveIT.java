package io.sluice.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.sluice.events.DecodedEvent;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.stack.Stack;
import io.sluice.stack.component.QuarkusService;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.TestMedia;
import io.sluice.testkit.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's "Go live" recipe across the packaged services: a real token, a live stream created on
 * auth-service, ffmpeg publishing to ingest-service with the key it returned, the stream going live on Kafka
 * and in the API, then disabled through the API, which ends the live session within a second.
 */
class GoLiveIT {

    /**
     * A registry change reaches the ingest within a second (the relay publishes at once, the ingest polls
     * every 200 ms); the bound leaves room for a loaded machine.
     */
    private static final Duration REGISTRY_BOUND = Duration.ofSeconds(10);
    private static Stack stack;
    private static QuarkusService auth;
    private static QuarkusService ingest;

    @BeforeAll
    static void startServices() {
        stack = TestStack.get().stack();
        auth = service("auth");
        ingest = service("ingest");
        auth.up();
        ingest.up();
    }

    @AfterAll
    static void stopServices() {
        ingest.down();
        auth.down();
    }

    @Test
    void createStreamThenGoLiveThenDisable() throws Exception {
        String token = DemoUser.ALICE.accessToken();
        int streamsBefore = streamsTheIngestHolds();
        JsonPath created = given().baseUri(auth.url()).auth().oauth2(token).contentType("application/json")
                .body("{\"name\":\"go-live test\"}")
                .when().post("/v1/live-streams")
                .then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        String key = created.getString("stream_key");
        String rtmpsUrl = created.getString("ingest.rtmps_url");
        assertThat(rtmpsUrl).isEqualTo("rtmps://localhost:" + stack.settings().get("ingest.rtmps-port") + "/live");

        try (MediaLog log = new MediaLog(id)) {
            // The new stream reaches the ingest through the registry topic: publish once the ingest holds it.
            Awaitility.await("the ingest holds the new stream").atMost(REGISTRY_BOUND).pollInterval(Duration.ofMillis(100))
                    .until(() -> streamsTheIngestHolds() > streamsBefore);
            Instant publishedAt = Instant.now();
            try (Ffmpeg ffmpeg = Ffmpeg.publishLive(TestMedia.testsrcClip(), rtmpsUrl + "/" + key)) {
                // The session's start is the first event of its stream; media may follow it by the time the wait returns.
                SessionStarted started = MediaLog.data(log.awaitEvent(e -> MediaLog.is(e, SessionStarted.class),
                        Duration.ofSeconds(10)).getFirst(), SessionStarted.class);
                assertThat(Duration.between(publishedAt, started.startedAt())).isLessThan(Duration.ofSeconds(5));
                assertThat(started.tenant()).isEqualTo("acme");
                assertThat(started.protocol()).isEqualTo("rtmps");

                awaitStatus(token, id, "active");
                Instant disabledAt = Instant.now();
                given().baseUri(auth.url()).auth().oauth2(token)
                        .when().post("/v1/live-streams/" + id + "/disable").then().statusCode(200);

                List<DecodedEvent> events = log.awaitSessionEnded(Duration.ofSeconds(10));
                SessionEnded ended = MediaLog.data(events.getLast(), SessionEnded.class);
                assertThat(ended.reason()).isEqualTo(EndReason.KEY_DISABLED);
                assertThat(Duration.between(disabledAt, ended.endedAt()))
                        .as("from the API call to the end of the live session").isLessThan(Duration.ofSeconds(1));
                assertThat(ffmpeg.awaitExit(Duration.ofSeconds(10))).isNotNegative();
            }
        }
        given().baseUri(auth.url()).auth().oauth2(token).when().get("/v1/live-streams/" + id)
                .then().statusCode(200).body("status", equalTo("disabled"));
    }

    private static void awaitStatus(String token, String id, String status) {
        Awaitility.await("stream " + id + " is " + status).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().baseUri(auth.url()).auth().oauth2(token).when().get("/v1/live-streams/" + id)
                        .then().statusCode(200).extract().jsonPath().getString("status"), status::equals);
    }

    /** The ingest's count of registry streams, from its readiness check. */
    private static int streamsTheIngestHolds() {
        return given().baseUri(ingest.url()).when().get("/q/health/ready").then().extract().jsonPath()
                .getInt("checks.find { it.name == 'Stream-key registry' }.data.streams");
    }

    private static QuarkusService service(String name) {
        return stack.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}

package io.sluice.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.media.event.data.EndReason;
import io.sluice.media.event.data.SessionEnded;
import io.sluice.media.event.data.SessionStarted;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Operators with the admin role see live sessions with their TLS version and address, and can end one. */
@QuarkusTest
class AdminApiTest {

    @ConfigProperty(name = "sluice.ingest.rtmps.port")
    int rtmpsPort;

    @Inject
    TestRegistry registry;

    @Test
    void anAdminListsAndEndsALiveSession() {
        RegistryWriter.TestStream stream = registry.createStream("globex");
        try (MediaLog log = new MediaLog(stream.streamId());
                Ffmpeg ffmpeg = Ffmpeg.publishLive(TestMedia.testsrcClip(), "rtmps://localhost:" + rtmpsPort + "/live/" + stream.key())) {
            String sessionId = MediaLog.data(log.awaitEvent(e -> MediaLog.is(e, SessionStarted.class), Duration.ofSeconds(10))
                    .getFirst(), SessionStarted.class).sessionId();
            String admin = DemoUser.OLIVIA.accessToken();

            given().auth().oauth2(admin).when().get("/v1/admin/sessions")
                    .then().statusCode(200)
                    .body("session_id", hasItem(sessionId));
            given().auth().oauth2(admin).when().get("/v1/admin/sessions/" + sessionId)
                    .then().statusCode(200)
                    .body("stream_id", equalTo(stream.streamId()))
                    .body("tenant", equalTo("globex"))
                    .body("protocol", equalTo("rtmps"))
                    .body("tls_version", equalTo("TLSv1.3"));

            given().auth().oauth2(admin).when().post("/v1/admin/sessions/" + sessionId + "/end").then().statusCode(202);

            SessionEnded ended = MediaLog.data(log.awaitSessionEnded(Duration.ofSeconds(5)).getLast(), SessionEnded.class);
            assertThat(ended.reason()).isEqualTo(EndReason.ENDED_BY_ADMIN);
        }
    }

    @Test
    void theAdminApiNeedsTheAdminRole() {
        given().when().get("/v1/admin/sessions").then().statusCode(401);
        given().auth().oauth2(DemoUser.ALICE.accessToken()).when().get("/v1/admin/sessions").then().statusCode(403);
    }

    @Test
    void anUnknownSessionIsAProblem404() {
        given().auth().oauth2(DemoUser.OLIVIA.accessToken()).when().post("/v1/admin/sessions/ss_nothing/end")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}

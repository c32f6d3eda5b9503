package io.sluice.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.ingest.support.ServerStatus;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import jakarta.inject.Inject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Operators with the admin role see live sessions with their TLS version, address and stream figures, and
 * can end one.
 */
@QuarkusTest
class AdminApiTest {

    @ConfigProperty(name = "sluice.ingest.rtmps.port")
    int rtmpsPort;

    @Inject
    TestRegistry registry;

    @Test
    void anAdminListsAndEndsALiveSession() throws Exception {
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
            JsonPath view = awaitFirstStatsWindow(admin, sessionId);
            // The clip: H.264 320x240 at 25 fps with a keyframe a second, AAC stereo 44.1 kHz.
            assertThat(view.getString("video_codec")).isEqualTo("avc1");
            assertThat(view.getInt("width")).isEqualTo(320);
            assertThat(view.getInt("height")).isEqualTo(240);
            assertThat(view.getDouble("video_frame_rate")).isBetween(20.0, 30.0);
            // 1000 ms within the clip; ffmpeg's loop seam brings one keyframe closer.
            assertThat(view.getLong("keyframe_interval_ms")).isBetween(700L, 1000L);
            assertThat(view.getString("audio_codec")).isEqualTo("mp4a");
            assertThat(view.getInt("audio_sample_rate")).isEqualTo(44100);
            assertThat(view.getInt("audio_channels")).isEqualTo(2);
            assertThat(view.getLong("bitrate_kbps")).isPositive();

            given().auth().oauth2(admin).when().post("/v1/admin/sessions/" + sessionId + "/end").then().statusCode(202);

            SessionEnded ended = MediaLog.data(log.awaitSessionEnded(Duration.ofSeconds(5)).getLast(), SessionEnded.class);
            assertThat(ended.reason()).isEqualTo(EndReason.ENDED_BY_ADMIN);
            ServerStatus.assertToldToStop(ffmpeg, "ended by an operator");
        }
    }

    /** The frame rate and keyframe interval are those of the last stats window (5 s); the bound leaves room for a loaded machine. */
    private static JsonPath awaitFirstStatsWindow(String admin, String sessionId) {
        return Awaitility.await("the first stats window of " + sessionId).atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(admin).when().get("/v1/admin/sessions/" + sessionId)
                        .then().statusCode(200).extract().jsonPath(), view -> view.getDouble("video_frame_rate") > 0);
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

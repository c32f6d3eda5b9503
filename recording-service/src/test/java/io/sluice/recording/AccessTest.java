package io.sluice.recording;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sluice.events.DecodedEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.RecordingDeleted;
import io.sluice.recording.domain.RecordingSweeper;
import io.sluice.recording.support.FlvClips;
import io.sluice.recording.support.MediaPublisher;
import io.sluice.recording.support.TestStream;
import io.sluice.recording.support.Tokens;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.TestMedia;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The recordings API by auth-service's rules: a tenant sees only its own recordings (another tenant's is a 404,
 * like one that does not exist), deleting needs the streamer role, errors are problem documents; deleting frees
 * the storage and is published, and retention deletes by itself.
 */
@QuarkusTest
class AccessTest {

    @Inject
    RecordingSweeper sweeper;

    private static JsonPath recorded(TestStream stream) {
        String session = MediaPublisher.newSession();
        stream.publisher.sessionStarted(session, Instant.now());
        stream.publisher.media(session, FlvClips.tags(TestMedia.testsrcClip()), 1, 0);
        stream.publisher.sessionEnded(session, Instant.now(), Instant.now());
        return stream.awaitRecordings(1, "ready").getFirst();
    }

    @Test
    void anotherTenantsRecordingIsNotFound() {
        try (TestStream stream = TestStream.create(DemoUser.ALICE, true, 0)) {
            String id = recorded(stream).getString("id");

            given().auth().oauth2(Tokens.of(DemoUser.BOB)).when().get("/v1/recordings/" + id).then().statusCode(404)
                    .contentType("application/problem+json").body("type", equalTo("urn:sluice:problem:recording-not-found"));
            given().auth().oauth2(Tokens.of(DemoUser.BOB)).when().get("/v1/recordings/" + id + "/download").then()
                    .statusCode(404);
            given().auth().oauth2(Tokens.of(DemoUser.BOB)).when().delete("/v1/recordings/" + id).then().statusCode(404);
            assertThat(given().auth().oauth2(Tokens.of(DemoUser.BOB)).queryParam("stream_id", stream.streamId).when()
                    .get("/v1/recordings").then().statusCode(200).extract().jsonPath().getList("data")).isEmpty();
            given().auth().oauth2(Tokens.of(DemoUser.OLIVIA)).when().get("/v1/recordings/" + id).then().statusCode(200)
                    .body("tenant", equalTo("acme"));
            given().auth().oauth2(Tokens.of(DemoUser.OLIVIA)).when().delete("/v1/recordings/" + id).then().statusCode(403)
                    .body("type", equalTo("urn:sluice:problem:forbidden"));
        }
    }

    @Test
    void theApiNeedsAToken() {
        given().when().get("/v1/recordings").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("type", equalTo("urn:sluice:problem:unauthorized"));
        given().auth().oauth2(Tokens.of(DemoUser.ALICE)).queryParam("limit", "abc").when().get("/v1/recordings").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(Tokens.of(DemoUser.ALICE)).queryParam("status", "done").when().get("/v1/recordings")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().auth().oauth2(Tokens.of(DemoUser.ALICE)).queryParam("cursor", "bm90IG91cnM").when().get("/v1/recordings")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(Tokens.of(DemoUser.ALICE)).when().get("/v1/recordings/..%2F..%2Fetc").then().statusCode(404);
    }

    @Test
    void deletingFreesTheMediaAndIsPublished() {
        try (TestStream stream = TestStream.create(DemoUser.ALICE, true, 0);
                MediaLog events = new MediaLog(Topics.RECORDINGS, stream.streamId)) {
            JsonPath recording = recorded(stream);
            String id = recording.getString("id");
            String playback = RecordingFlowTest.local(recording.getString("playback_url"));
            given().when().get(playback).then().statusCode(200);

            given().auth().oauth2(Tokens.of(DemoUser.ALICE)).when().delete("/v1/recordings/" + id).then().statusCode(204);

            given().auth().oauth2(Tokens.of(DemoUser.ALICE)).when().get("/v1/recordings/" + id).then().statusCode(200)
                    .body("status", equalTo("deleted")).body("playback_url", equalTo(null));
            given().when().get(playback).then().statusCode(404);
            given().auth().oauth2(Tokens.of(DemoUser.ALICE)).when().delete("/v1/recordings/" + id).then().statusCode(204);
            List<DecodedEvent> published = events.awaitEvent(e -> MediaLog.is(e, RecordingDeleted.class),
                    Duration.ofSeconds(30));
            assertThat(published.stream().filter(e -> MediaLog.is(e, RecordingDeleted.class))).hasSize(1);
        }
    }

    @Test
    void retentionDeletesRecordingsThatAreDue() {
        try (TestStream stream = TestStream.create(DemoUser.ALICE, true, 0)) {
            String id = recorded(stream).getString("id");

            sweeper.sweepOnce(Instant.now().plus(Duration.ofDays(31)));

            given().auth().oauth2(Tokens.of(DemoUser.ALICE)).when().get("/v1/recordings/" + id).then().statusCode(200)
                    .body("status", equalTo("deleted"));
        }
    }
}

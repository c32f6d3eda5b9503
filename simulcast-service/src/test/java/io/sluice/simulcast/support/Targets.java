package io.sluice.simulcast.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sluice.testkit.DemoTokens;
import io.sluice.testkit.DemoUser;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;

/** The targets API as alice uses it in tests. */
public final class Targets {

    private Targets() {
    }

    public static String path(String streamId) {
        return "/v1/live-streams/" + streamId + "/simulcast-targets";
    }

    /** Waits until the service has read the stream from the registry. */
    public static void awaitStream(String streamId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().auth().oauth2(DemoTokens.of(DemoUser.ALICE)).get(path(streamId)).statusCode() == 200);
    }

    public static String create(String streamId, Map<String, Object> body) {
        return given().auth().oauth2(DemoTokens.of(DemoUser.ALICE)).contentType(ContentType.JSON).body(body)
                .post(path(streamId)).then().statusCode(201).extract().path("id");
    }

    public static void patch(String streamId, String id, Map<String, Object> body) {
        given().auth().oauth2(DemoTokens.of(DemoUser.ALICE)).contentType(ContentType.JSON).body(body)
                .patch(path(streamId) + "/" + id).then().statusCode(200);
    }

    public static JsonPath get(String streamId, String id) {
        return given().auth().oauth2(DemoTokens.of(DemoUser.ALICE)).get(path(streamId) + "/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    /** Waits for the target's status, and returns the target as then shown. */
    public static JsonPath awaitStatus(String streamId, String id, String status, Duration within) {
        return Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(100))
                .until(() -> get(streamId, id), t -> status.equals(t.getString("status")));
    }
}

package io.sluice.auth.api;

import static io.sluice.auth.support.Api.as;
import static io.sluice.auth.support.Api.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.sluice.auth.support.Db;
import io.sluice.testkit.DemoUser;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A stream's answers carry its version as a strong {@code ETag}; {@code If-Match} makes a change happen
 * only to the version the caller last saw, so two people editing one stream cannot overwrite each other
 * unknowingly (412 precondition-failed, with the current {@code ETag}).
 */
@QuarkusTest
class OptimisticConcurrencyTest {

    /** Every change of a stream, as a request that would succeed. */
    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("PATCH", ""),
                Arguments.of("POST", "/rotate-key"),
                Arguments.of("POST", "/disable"),
                Arguments.of("POST", "/enable"),
                Arguments.of("DELETE", ""));
    }

    @Test
    void everyVisibleChangeGivesANewETagAndNothingElseDoes() {
        Response created = as(DemoUser.ALICE).body(Map.of("name", "versioned")).when().post("/v1/live-streams");
        created.then().statusCode(201).header("ETag", "\"1\"");
        String id = created.path("id");
        String path = "/v1/live-streams/" + id;

        as(DemoUser.ALICE).when().get(path).then().statusCode(200).header("ETag", "\"1\"");
        as(DemoUser.ALICE).body(Map.of("name", "renamed")).when().patch(path).then().statusCode(200).header("ETag", "\"2\"");
        as(DemoUser.ALICE).body(Map.of("name", "renamed")).when().patch(path).then().statusCode(200).header("ETag", "\"2\"");
        as(DemoUser.ALICE).when().post(path + "/rotate-key").then().statusCode(200).header("ETag", "\"3\"");
        as(DemoUser.ALICE).when().post(path + "/disable").then().statusCode(200).header("ETag", "\"4\"");
        as(DemoUser.ALICE).when().post(path + "/disable").then().statusCode(200).header("ETag", "\"4\"");
        as(DemoUser.ALICE).when().post(path + "/enable").then().statusCode(200).header("ETag", "\"5\"");
        as(DemoUser.ALICE).when().get(path).then().statusCode(200).header("ETag", "\"5\"");
    }

    @ParameterizedTest(name = "{0} /v1/live-streams/'{id}'{1}")
    @MethodSource("changes")
    void aChangeToAnotherVersionThanNamedFailsAndChangesNothing(String method, String suffix) {
        String id = create(DemoUser.ALICE, "edited twice").getString("id");
        as(DemoUser.ALICE).body(Map.of("name", "first edit")).header("If-Match", "\"1\"")
                .when().patch("/v1/live-streams/" + id).then().statusCode(200).header("ETag", "\"2\"");
        Map<String, Object> before = Db.streamRow(id);

        call(as(DemoUser.ALICE).header("If-Match", "\"1\""), method, "/v1/live-streams/" + id + suffix)
                .then().statusCode(412)
                .header("ETag", "\"2\"")
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sluice:problem:precondition-failed"))
                .body("status", equalTo(412));
        assertThat(Db.streamRow(id)).isEqualTo(before);

        call(as(DemoUser.ALICE).header("If-Match", "\"2\""), method, "/v1/live-streams/" + id + suffix)
                .then().statusCode("DELETE".equals(method) ? 204 : 200);
    }

    @Test
    void theSecondOfTwoEditorsWhoSawTheSameVersionIsStopped() {
        String id = create(DemoUser.ALICE, "shared").getString("id");
        String seen = as(DemoUser.ALICE).when().get("/v1/live-streams/" + id).then().extract().header("ETag");

        as(DemoUser.ALICE).header("If-Match", seen).body(Map.of("max_bitrate_kbps", 6000))
                .when().patch("/v1/live-streams/" + id).then().statusCode(200);
        as(DemoUser.ALICE).header("If-Match", seen).body(Map.of("max_bitrate_kbps", 9000))
                .when().patch("/v1/live-streams/" + id).then().statusCode(412);

        as(DemoUser.ALICE).when().get("/v1/live-streams/" + id).then().body("max_bitrate_kbps", equalTo(6000));
    }

    @Test
    void ifMatchTakesAnyOfAListOrAStarAndNeverAWeakTag() {
        String id = create(DemoUser.ALICE, "matched").getString("id");
        String path = "/v1/live-streams/" + id;

        as(DemoUser.ALICE).header("If-Match", "W/\"1\"").body(Map.of("name", "weak")).when().patch(path).then().statusCode(412);
        as(DemoUser.ALICE).header("If-Match", "\"7\", \"x,y\", \"1\"").body(Map.of("name", "listed")).when().patch(path)
                .then().statusCode(200).header("ETag", "\"2\"");
        as(DemoUser.ALICE).header("If-Match", "\"1\"").header("If-Match", "\"2\"").body(Map.of("name", "two headers"))
                .when().patch(path).then().statusCode(200).header("ETag", "\"3\"");
        as(DemoUser.ALICE).header("If-Match", "*").body(Map.of("name", "starred")).when().patch(path)
                .then().statusCode(200).header("ETag", "\"4\"");
    }

    @ParameterizedTest(name = "If-Match: {0}")
    @ValueSource(strings = {"1", "\"1", "\"1\" \"2\"", "W/1", ","})
    void aMalformedIfMatchIsAValidationProblem(String header) {
        String id = create(DemoUser.ALICE, "malformed precondition").getString("id");

        as(DemoUser.ALICE).header("If-Match", header).body(Map.of("name", "never")).when().patch("/v1/live-streams/" + id)
                .then().statusCode(400)
                .body("type", equalTo("urn:sluice:problem:validation"))
                .body("errors.field", contains("If-Match"));
        as(DemoUser.ALICE).when().get("/v1/live-streams/" + id).then().body("name", equalTo("malformed precondition"));
    }

    @Test
    void anotherTenantsStreamIsNotFoundWhateverIfMatchSays() {
        String id = create(DemoUser.ALICE, "not bob's").getString("id");

        as(DemoUser.BOB).header("If-Match", "\"99\"").body(Map.of("name", "bob was here")).when().patch("/v1/live-streams/" + id)
                .then().statusCode(404)
                .body("type", equalTo("urn:sluice:problem:live-stream-not-found"));
    }

    private static Response call(RequestSpecification request, String method, String path) {
        return switch (method) {
            case "PATCH" -> request.body(Map.of("recording", false)).when().patch(path);
            case "POST" -> request.when().post(path);
            case "DELETE" -> request.when().delete(path);
            default -> throw new IllegalArgumentException(method);
        };
    }
}

package io.sluice.auth.api;

import static io.restassured.RestAssured.given;
import static io.sluice.auth.support.Api.as;
import static io.sluice.auth.support.Api.create;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.sluice.testkit.DemoUser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An answer that shows a stream key is kept by no cache; every other answer of the API is private to
 * the caller and checked again before a private cache reuses it, errors included.
 */
@QuarkusTest
class CachingHeadersTest {

    @Test
    void answersWithAKeyAreNeverStored() {
        ValidatableResponse created = as(DemoUser.ALICE).body(Map.of("name", "uncached")).when().post("/v1/live-streams")
                .then().statusCode(201);
        assertNoStore(created);
        String id = created.extract().path("id");

        assertNoStore(as(DemoUser.ALICE).when().post("/v1/live-streams/" + id + "/rotate-key").then().statusCode(200));
    }

    @Test
    void everyOtherAnswerIsPrivateAndRevalidated() {
        String id = create(DemoUser.ALICE, "revalidated").getString("id");
        String path = "/v1/live-streams/" + id;

        assertPrivate(as(DemoUser.ALICE).when().get(path).then().statusCode(200));
        assertPrivate(as(DemoUser.ALICE).when().get("/v1/live-streams").then().statusCode(200));
        assertPrivate(as(DemoUser.ALICE).when().get(path + "/sessions").then().statusCode(200));
        assertPrivate(as(DemoUser.ALICE).body(Map.of("name", "renamed")).when().patch(path).then().statusCode(200));
        assertPrivate(as(DemoUser.ALICE).when().post(path + "/disable").then().statusCode(200));
        assertPrivate(as(DemoUser.ALICE).when().post(path + "/enable").then().statusCode(200));
        assertPrivate(as(DemoUser.ALICE).when().get("/v1/me").then().statusCode(200));
        assertPrivate(as(DemoUser.ALICE).body(Map.of("name", "")).when().post("/v1/live-streams").then().statusCode(400));
        assertPrivate(as(DemoUser.BOB).when().get(path).then().statusCode(404));
        assertPrivate(given().when().get(path).then().statusCode(401));
        assertPrivate(as(DemoUser.ALICE).when().delete(path).then().statusCode(204));
    }

    private static void assertNoStore(ValidatableResponse response) {
        response.header("Cache-Control", equalTo("no-store")).header("Pragma", equalTo("no-cache"));
    }

    private static void assertPrivate(ValidatableResponse response) {
        response.header("Cache-Control", equalTo("private, no-cache")).header("Pragma", nullValue());
    }
}

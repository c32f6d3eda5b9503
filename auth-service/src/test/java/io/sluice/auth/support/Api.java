package io.sluice.auth.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.sluice.testkit.DemoUser;
import java.util.Map;

/** Short calls of the live-stream API as a demo user. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(DemoUser user) {
        return withToken(Tokens.of(user));
    }

    public static RequestSpecification withToken(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Creates a stream and returns the answer, which holds the stream key. */
    public static JsonPath create(DemoUser user, Map<String, Object> body) {
        return as(user).body(body).when().post("/v1/live-streams")
                .then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath create(DemoUser user, String name) {
        return create(user, Map.of("name", name));
    }

    public static JsonPath get(DemoUser user, String id) {
        return as(user).when().get("/v1/live-streams/" + id).then().statusCode(200).extract().jsonPath();
    }
}

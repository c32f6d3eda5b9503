package io.sluice.auth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.testkit.DemoUser;
import org.junit.jupiter.api.Test;

/** Real Keycloak tokens: accepted with their tenant and roles; no token, or a forged one, is 401. */
@QuarkusTest
class CallerResourceTest {

    @Test
    void demoUserTokenIsAcceptedWithItsTenant() {
        given().auth().oauth2(DemoUser.ALICE.accessToken())
                .when().get("/v1/me")
                .then().statusCode(200)
                .body("tenant", equalTo("acme"))
                .body("roles", hasItem("streamer"))
                .body("admin", equalTo(false));
    }

    @Test
    void adminRoleIsRecognised() {
        given().auth().oauth2(DemoUser.OLIVIA.accessToken())
                .when().get("/v1/me")
                .then().statusCode(200)
                .body("tenant", equalTo("ops"))
                .body("admin", equalTo(true));
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        given().when().get("/v1/me").then().statusCode(401);
    }

    @Test
    void tamperedTokenIsUnauthorized() {
        String token = DemoUser.BOB.accessToken();
        String[] parts = token.split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\"globex\"", "\"acme\"").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().auth().oauth2(parts[0] + "." + forgedPayload + "." + parts[2])
                .when().get("/v1/me")
                .then().statusCode(401);
    }
}

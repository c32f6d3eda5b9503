package io.sluice.console.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.testkit.SluiceTestResource;
import io.sluice.testkit.TestStack;
import org.junit.jupiter.api.Test;

/**
 * Against the test stack's Keycloak: a visitor without a session is sent to the identity provider with a PKCE
 * challenge, a page's script is told its session ended instead of being redirected, and the assets the pages
 * need are served by the console itself without a session. The signed-in pages are driven in a real browser
 * by e2e-tests' ConsoleIT.
 */
@QuarkusTest
@QuarkusTestResource(SluiceTestResource.class)
class SignInTest {

    @Test
    void aVisitorWithoutSessionIsSentToTheIdentityProviderWithAPkceChallenge() {
        given().redirects().follow(false)
                .when().get("/streams/ls_anything")
                .then().statusCode(302)
                .header("Location", startsWith(TestStack.get().endpoints().oidcServerUrl() + "/protocol/openid-connect/auth?"))
                .header("Location", containsString("client_id=sluice-console"))
                .header("Location", containsString("code_challenge="))
                .header("Location", containsString("code_challenge_method=S256"));
    }

    @Test
    void aPanelRefreshWithoutSessionIsToldSoNotRedirected() {
        given().redirects().follow(false).header("X-Requested-With", "JavaScript")
                .when().get("/panels/streams")
                .then().statusCode(499);
    }

    @Test
    void thePlayerAndThePagesAssetsAreServedByTheConsole() {
        given().when().get("/webjars/hls.js/dist/hls.min.js").then().statusCode(200).body(containsString("Hls"));
        given().when().get("/console/console.js").then().statusCode(200);
        given().when().get("/console/console.css").then().statusCode(200);
    }

    @Test
    void readinessIncludesTheIdentityProvider() {
        given().when().get("/q/health/ready").then().statusCode(200).body(containsString("OIDC"));
    }
}

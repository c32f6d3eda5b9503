package io.sluice.auth.api;

import static io.restassured.RestAssured.given;
import static io.sluice.auth.support.Api.as;
import static io.sluice.auth.support.Api.create;
import static io.sluice.auth.support.Api.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.sluice.auth.support.Db;
import io.sluice.auth.support.Tokens;
import io.sluice.testkit.DemoUser;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two tenants with real Keycloak tokens: alice (acme) owns a stream; bob (globex) gets 404 on every
 * endpoint for it, exactly as for a stream that does not exist, and changes nothing; olivia (admin) reads
 * it but cannot change it; victor (acme, no streamer role) reads acme's streams and changes none; a token
 * without a tenant or without a token gets nowhere.
 */
@QuarkusTest
class TenantIsolationTest {

    private String alicesStream;
    private JsonPath before;

    /** Every endpoint that names a stream, with a valid request for it. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("GET", ""),
                Arguments.of("PATCH", ""),
                Arguments.of("POST", "/rotate-key"),
                Arguments.of("POST", "/disable"),
                Arguments.of("POST", "/enable"),
                Arguments.of("DELETE", ""),
                Arguments.of("GET", "/sessions"));
    }

    static Stream<Arguments> writes() {
        return endpoints().filter(arguments -> !"GET".equals(arguments.get()[0]));
    }

    @BeforeEach
    void alicesStream() {
        alicesStream = create(DemoUser.ALICE, Map.of("name", "alice's", "passthrough", "mine")).getString("id");
        before = as(DemoUser.ALICE).when().get("/v1/live-streams/" + alicesStream).then().extract().jsonPath();
    }

    @ParameterizedTest(name = "{0} /v1/live-streams/'{id}'{1}")
    @MethodSource("endpoints")
    void anotherTenantsStreamIsNotFoundOnEveryEndpoint(String method, String suffix) {
        String path = "/v1/live-streams/" + alicesStream + suffix;
        call(as(DemoUser.BOB), method, path)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sluice:problem:live-stream-not-found"));
        // The same answer as for an id that does not exist, so nothing tells them apart.
        String missing = "/v1/live-streams/ls_00000000000000000000000000000000" + suffix;
        call(as(DemoUser.BOB), method, missing)
                .then().statusCode(404)
                .body("type", equalTo("urn:sluice:problem:live-stream-not-found"));

        assertUnchanged();
    }

    @Test
    void anotherTenantsStreamsAreNotListed() {
        as(DemoUser.BOB).queryParam("limit", 100).when().get("/v1/live-streams")
                .then().statusCode(200)
                .body("data.id", not(hasItem(alicesStream)));
        as(DemoUser.BOB).queryParam("tenant", "acme").queryParam("limit", 100).when().get("/v1/live-streams")
                .then().statusCode(200)
                .body("data.id", not(hasItem(alicesStream)));
        as(DemoUser.ALICE).queryParam("limit", 100).when().get("/v1/live-streams")
                .then().statusCode(200)
                .body("data.id", hasItem(alicesStream));
    }

    @ParameterizedTest(name = "admin {0} /v1/live-streams/'{id}'{1}")
    @MethodSource("endpoints")
    void anAdminReadsEveryTenantButChangesOnlyItsOwn(String method, String suffix) {
        int expected = "GET".equals(method) ? 200 : 403;
        var response = call(as(DemoUser.OLIVIA), method, "/v1/live-streams/" + alicesStream + suffix)
                .then().statusCode(expected);
        if (expected == 403) {
            response.contentType("application/problem+json").body("type", equalTo("urn:sluice:problem:forbidden"));
        }
        assertUnchanged();
    }

    @Test
    void anAdminListsEveryTenantOrOne() {
        as(DemoUser.OLIVIA).queryParam("limit", 100).when().get("/v1/live-streams")
                .then().statusCode(200).body("data.id", hasItem(alicesStream));
        JsonPath acme = as(DemoUser.OLIVIA).queryParam("tenant", "acme").queryParam("limit", 100)
                .when().get("/v1/live-streams").then().statusCode(200).extract().jsonPath();
        assertThat(acme.getList("data.id", String.class)).contains(alicesStream);
        assertThat(acme.getList("data.tenant", String.class)).containsOnly("acme");
    }

    @ParameterizedTest(name = "no token: {0} /v1/live-streams/'{id}'{1}")
    @MethodSource("endpoints")
    void withoutATokenEveryEndpointIsUnauthorized(String method, String suffix) {
        call(given().contentType(ContentType.JSON), method, "/v1/live-streams/" + alicesStream + suffix)
                .then().statusCode(401);
        assertUnchanged();
    }

    @ParameterizedTest(name = "no tenant: {0} /v1/live-streams/'{id}'{1}")
    @MethodSource("endpoints")
    void aTokenWithoutATenantReachesNoStream(String method, String suffix) {
        call(given().auth().oauth2(Tokens.serviceAccount()).contentType(ContentType.JSON), method,
                "/v1/live-streams/" + alicesStream + suffix)
                .then().statusCode(403)
                .body("type", equalTo("urn:sluice:problem:no-tenant"));
        assertUnchanged();
    }

    @Test
    void aTokenWithoutATenantCannotCreateOrList() {
        String token = Tokens.serviceAccount();
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "x"))
                .when().post("/v1/live-streams")
                .then().statusCode(403).body("type", equalTo("urn:sluice:problem:no-tenant"));
        given().auth().oauth2(token).when().get("/v1/live-streams")
                .then().statusCode(403).body("type", equalTo("urn:sluice:problem:no-tenant"));
    }

    @ParameterizedTest(name = "viewer {0} /v1/live-streams/'{id}'{1}")
    @MethodSource("writes")
    void aUserWithoutTheStreamerRoleChangesNothing(String method, String suffix) {
        call(withToken(Tokens.viewer()), method, "/v1/live-streams/" + alicesStream + suffix)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sluice:problem:forbidden"));
        assertUnchanged();
    }

    @Test
    void aUserWithoutTheStreamerRoleCannotCreateButReadsItsTenantsStreams() {
        assertThat(Tokens.claims(Tokens.viewer())).containsEntry("tenant", "acme");
        long before = (Long) Db.query("select count(*) as n from live_stream").getFirst().get("n");
        withToken(Tokens.viewer()).body(Map.of("name", "not mine to make")).when().post("/v1/live-streams")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sluice:problem:forbidden"));
        assertThat(Db.query("select count(*) as n from live_stream").getFirst().get("n")).isEqualTo(before);

        withToken(Tokens.viewer()).when().get("/v1/live-streams/" + alicesStream)
                .then().statusCode(200).body("name", equalTo("alice's"));
        withToken(Tokens.viewer()).when().get("/v1/live-streams/" + alicesStream + "/sessions").then().statusCode(200);
        JsonPath listed = withToken(Tokens.viewer()).queryParam("limit", 100).when().get("/v1/live-streams")
                .then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("data.id", String.class)).contains(alicesStream);
        assertThat(listed.getList("data.tenant", String.class)).containsOnly("acme");
        String bobs = create(DemoUser.BOB, "bob's").getString("id");
        withToken(Tokens.viewer()).when().get("/v1/live-streams/" + bobs)
                .then().statusCode(404).body("type", equalTo("urn:sluice:problem:live-stream-not-found"));
        assertUnchanged();
    }

    @Test
    void onlyAdminsRepublishTheRegistry() {
        as(DemoUser.ALICE).when().post("/v1/admin/registry/republish")
                .then().statusCode(403).body("type", equalTo("urn:sluice:problem:forbidden"));
        given().when().post("/v1/admin/registry/republish").then().statusCode(401);
    }

    private void assertUnchanged() {
        JsonPath now = as(DemoUser.ALICE).when().get("/v1/live-streams/" + alicesStream)
                .then().statusCode(200).extract().jsonPath();
        assertThat(now.getMap("$")).isEqualTo(before.getMap("$"));
        assertThat(Db.streamRow(alicesStream)).containsEntry("registry_version", 1L).containsEntry("enabled", true);
    }

    private static io.restassured.response.Response call(RequestSpecification request, String method, String path) {
        return switch (method) {
            case "GET" -> request.when().get(path);
            case "PATCH" -> request.body(Map.of("name", "taken over", "recording", false)).when().patch(path);
            case "POST" -> request.when().post(path);
            case "DELETE" -> request.when().delete(path);
            default -> throw new IllegalArgumentException(method);
        };
    }
}

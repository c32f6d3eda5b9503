package io.sluice.simulcast;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.sluice.testkit.DemoTokens;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.RegistryWriter;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The targets API with real Keycloak tokens, against a stream in the real key registry: validation, the limit per
 * stream, the masked and encrypted key, and auth-service's tenant rules (another tenant's stream or target is a 404).
 */
@QuarkusTest
class TargetApiTest {

    private static final String KEY = "abcd-efgh-ijkl-mnop-5678";
    private static final RegistryWriter REGISTRY = new RegistryWriter();

    @Inject
    DataSource dataSource;

    @AfterAll
    static void closeRegistry() {
        REGISTRY.close();
    }

    /** A new stream of alice's tenant, once the service has read it from the registry. */
    private static String aliceStream() {
        String streamId = REGISTRY.create(DemoUser.ALICE.tenant()).entry().streamId();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().auth().oauth2(DemoTokens.of(DemoUser.ALICE)).get(path(streamId)).statusCode() == 200);
        return streamId;
    }

    private static String path(String streamId) {
        return "/v1/live-streams/" + streamId + "/simulcast-targets";
    }

    private static ValidatableResponse post(DemoUser user, String streamId, Map<String, Object> body) {
        return given().auth().oauth2(DemoTokens.of(user)).contentType(ContentType.JSON).body(body).when()
                .post(path(streamId)).then();
    }

    @Test
    void aTargetIsCreatedReadChangedAndDeletedWithItsKeyMasked() {
        String stream = aliceStream();
        String id = post(DemoUser.ALICE, stream, Map.of("url", "rtmps://a.rtmps.youtube.com/live2", "stream_key", KEY,
                "passthrough", "main channel")).statusCode(201)
                .body("url", equalTo("rtmps://a.rtmps.youtube.com/live2"))
                .body("stream_key", equalTo("****5678"))
                .body("status", equalTo("idle"))
                .body("enabled", equalTo(true))
                .body("passthrough", equalTo("main channel"))
                .body("last_error", nullValue())
                .body("bytes_out", equalTo(0))
                .body("reconnects", equalTo(0))
                .extract().path("id");

        given().auth().oauth2(DemoTokens.of(DemoUser.ALICE)).get(path(stream)).then().statusCode(200)
                .body("data", hasSize(1)).body("data[0].id", equalTo(id)).body("data[0].stream_key", equalTo("****5678"));
        given().auth().oauth2(DemoTokens.of(DemoUser.ALICE)).contentType(ContentType.JSON)
                .body(Map.of("enabled", false, "url", "rtmp://live.twitch.tv/app")).patch(path(stream) + "/" + id)
                .then().statusCode(200).body("enabled", equalTo(false)).body("url", equalTo("rtmp://live.twitch.tv/app"))
                .body("passthrough", equalTo("main channel")).body("stream_key", equalTo("****5678"));
        given().auth().oauth2(DemoTokens.of(DemoUser.ALICE)).get(path(stream) + "/" + id).then().statusCode(200)
                .body("enabled", equalTo(false));
        given().auth().oauth2(DemoTokens.of(DemoUser.ALICE)).delete(path(stream) + "/" + id).then().statusCode(204);
        given().auth().oauth2(DemoTokens.of(DemoUser.ALICE)).get(path(stream) + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theKeyIsStoredEncryptedUnderTheActiveKeyId() throws Exception {
        String stream = aliceStream();
        String id = post(DemoUser.ALICE, stream, Map.of("url", "rtmp://live.twitch.tv/app", "stream_key", KEY))
                .statusCode(201).extract().path("id");
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select key_id, key_ciphertext from simulcast_target where id = ?")) {
            s.setString(1, id);
            try (ResultSet row = s.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("test2");
                byte[] sealed = row.getBytes(2);
                assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(KEY).doesNotContain("5678");
                assertThat(sealed.length).isEqualTo(12 + KEY.length() + 16);
            }
        }
    }

    @Test
    void anotherTenantsStreamAndTargetAreNotFound() {
        String stream = aliceStream();
        String id = post(DemoUser.ALICE, stream, Map.of("url", "rtmp://live.twitch.tv/app", "stream_key", KEY))
                .statusCode(201).extract().path("id");

        given().auth().oauth2(DemoTokens.of(DemoUser.BOB)).get(path(stream)).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sluice:problem:simulcast-target-not-found"));
        given().auth().oauth2(DemoTokens.of(DemoUser.BOB)).get(path(stream) + "/" + id).then().statusCode(404);
        given().auth().oauth2(DemoTokens.of(DemoUser.BOB)).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .patch(path(stream) + "/" + id).then().statusCode(404);
        given().auth().oauth2(DemoTokens.of(DemoUser.BOB)).delete(path(stream) + "/" + id).then().statusCode(404);
        post(DemoUser.BOB, stream, Map.of("url", "rtmp://live.twitch.tv/app", "stream_key", KEY)).statusCode(404);
        given().auth().oauth2(DemoTokens.of(DemoUser.ALICE)).get(path(stream) + "/" + id).then().statusCode(200)
                .body("enabled", equalTo(true));
        given().auth().oauth2(DemoTokens.of(DemoUser.ALICE)).get(path("ls_no_such_stream")).then().statusCode(404);
    }

    @Test
    void invalidTargetsAreRefusedFieldByField() {
        String stream = aliceStream();
        post(DemoUser.ALICE, stream, Map.of("url", "http://example.com/live", "stream_key", KEY)).statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:sluice:problem:validation"))
                .body("errors[0].field", equalTo("url"));
        post(DemoUser.ALICE, stream, Map.of("url", "rtmp://live.twitch.tv", "stream_key", KEY)).statusCode(400)
                .body("errors[0].field", equalTo("url"));
        post(DemoUser.ALICE, stream, Map.of("url", "rtmp://live.twitch.tv/app")).statusCode(400)
                .body("errors[0].field", equalTo("stream_key"));
        post(DemoUser.ALICE, stream, Map.of("url", "rtmp://live.twitch.tv/app", "stream_key", "a b")).statusCode(400)
                .body("errors[0].field", equalTo("stream_key"));
        post(DemoUser.ALICE, stream, Map.of("url", "rtmp://live.twitch.tv/app", "stream_key", KEY, "tls_ca_pem",
                "-----BEGIN CERTIFICATE-----\nnot one\n-----END CERTIFICATE-----\n")).statusCode(400)
                .body("errors[0].field", equalTo("tls_ca_pem"));
        post(DemoUser.ALICE, stream, Map.of("url", "rtmp://live.twitch.tv/app", "stream_key", KEY, "enabled", "yes"))
                .statusCode(400).body("type", equalTo("urn:sluice:problem:malformed-body"));
        post(DemoUser.ALICE, stream, Map.of("url", "rtmp://live.twitch.tv/app", "stream_key", KEY, "color", "red"))
                .statusCode(400).body("type", equalTo("urn:sluice:problem:malformed-body"));
    }

    @Test
    void privateAndLoopbackAddressesAreRefused() {
        String stream = aliceStream();
        for (String url : new String[] {"rtmp://127.0.0.1/live", "rtmp://localhost:1935/live", "rtmps://10.1.2.3/app",
                "rtmp://192.168.0.10/live", "rtmp://169.254.169.254/latest", "rtmp://[::1]/live", "rtmp://[fd00::1]/live",
                "rtmp://100.64.0.1/live", "rtmp://0.0.0.0/live"}) {
            post(DemoUser.ALICE, stream, Map.of("url", url, "stream_key", KEY)).statusCode(400)
                    .body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", startsWith("must not point to a loopback, link-local or private address"));
        }
    }

    @Test
    void aStreamHasAtMostTheConfiguredNumberOfTargets() {
        String stream = aliceStream();
        for (int i = 0; i < 10; i++) {
            post(DemoUser.ALICE, stream, Map.of("url", "rtmp://live.twitch.tv/app", "stream_key", KEY)).statusCode(201);
        }
        post(DemoUser.ALICE, stream, Map.of("url", "rtmp://live.twitch.tv/app", "stream_key", KEY)).statusCode(409)
                .body("type", equalTo("urn:sluice:problem:too-many-simulcast-targets"));
    }

    @Test
    void theApiNeedsATokenAndAnAdminOfAnotherTenantOnlyReads() {
        String stream = aliceStream();
        given().get(path(stream)).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        post(DemoUser.OLIVIA, stream, Map.of("url", "rtmp://live.twitch.tv/app", "stream_key", KEY)).statusCode(404);
        given().auth().oauth2(DemoTokens.of(DemoUser.OLIVIA)).get(path(stream)).then().statusCode(200);
    }
}

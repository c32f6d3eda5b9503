package io.sluice.auth.api;

import static io.restassured.RestAssured.given;
import static io.sluice.auth.support.Api.as;
import static io.sluice.auth.support.Api.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sluice.auth.domain.LiveStreamLimits;
import io.sluice.auth.support.Db;
import io.sluice.auth.support.Tokens;
import io.sluice.testkit.DemoUser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The live-stream resource as a user sees it: fields, defaults, changes, paging and errors. */
@QuarkusTest
class LiveStreamApiTest {

    @Test
    void createReturnsTheStreamWithItsKeyIngestUrlsAndDefaults() {
        as(DemoUser.ALICE).body(Map.of("name", "Friday show", "passthrough", "order-1234"))
                .when().post("/v1/live-streams")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("id", startsWith("ls_"))
                .body("name", equalTo("Friday show"))
                .body("tenant", equalTo("acme"))
                .body("status", equalTo("idle"))
                .body("stream_key", startsWith("sluice_sk_"))
                .body("ingest.rtmps_url", equalTo("rtmps://localhost:1936/live"))
                .body("ingest.rtmp_url", equalTo("rtmp://localhost:1935/live"))
                .body("playback_id", startsWith("pb_"))
                .body("playback_url", startsWith("http://localhost:8082/v1/playback/pb_"))
                .body("playback_url", endsWith("/index.m3u8"))
                .body("reconnect_window_seconds", equalTo(60))
                .body("recording", equalTo(true))
                .body("max_continuous_duration_seconds", equalTo(43200))
                .body("max_bitrate_kbps", equalTo(0))
                .body("passthrough", equalTo("order-1234"))
                .body("created_at", notNullValue())
                .body("updated_at", notNullValue())
                .body("active_session", nullValue());
    }

    @Test
    void theLocationHeaderNamesTheStreamAndGetNeverShowsTheKey() {
        String location = as(DemoUser.ALICE).body(Map.of("name", "located")).when().post("/v1/live-streams")
                .then().statusCode(201).extract().header("Location");

        given().auth().oauth2(Tokens.of(DemoUser.ALICE)).when().get(location)
                .then().statusCode(200)
                .body("name", equalTo("located"))
                .body("$", not(hasKey("stream_key")));
    }

    @Test
    void everyCreateGetsAFreshKeyIdAndPlaybackId() {
        Set<String> keys = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            JsonPath created = create(DemoUser.ALICE, "fresh " + i);
            String key = created.getString("stream_key");
            assertThat(key).matches("sluice_sk_[A-Za-z0-9_-]{43}");
            keys.add(key);
            ids.add(created.getString("id"));
            ids.add(created.getString("playback_id"));
        }
        assertThat(keys).hasSize(5);
        assertThat(ids).hasSize(10);
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
        JsonPath created = create(DemoUser.ALICE, Map.of("name", "to change", "passthrough", "p1", "max_bitrate_kbps", 6000));
        String id = created.getString("id");

        as(DemoUser.ALICE).contentType("application/merge-patch+json")
                .body(Map.of("reconnect_window_seconds", 300, "recording", false))
                .when().patch("/v1/live-streams/" + id)
                .then().statusCode(200)
                .body("name", equalTo("to change"))
                .body("passthrough", equalTo("p1"))
                .body("reconnect_window_seconds", equalTo(300))
                .body("recording", equalTo(false))
                .body("max_bitrate_kbps", equalTo(6000))
                .body("$", not(hasKey("stream_key")));

        as(DemoUser.ALICE).body(Map.of("name", "changed", "passthrough", ""))
                .when().patch("/v1/live-streams/" + id)
                .then().statusCode(200)
                .body("name", equalTo("changed"))
                .body("passthrough", nullValue())
                .body("reconnect_window_seconds", equalTo(300));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"application/merge-patch+json", "application/json"})
    void aNullInAPatchRemovesPassthroughAndIsRefusedForEveryOtherField(String contentType) {
        String id = create(DemoUser.ALICE, Map.of("name", "merge patched", "passthrough", "order-1")).getString("id");
        String path = "/v1/live-streams/" + id;

        as(DemoUser.ALICE).contentType(contentType).body("{\"passthrough\": null}").when().patch(path)
                .then().statusCode(200)
                .body("passthrough", nullValue())
                .body("name", equalTo("merge patched"));
        assertThat(Db.streamRow(id)).containsEntry("passthrough", null);
        as(DemoUser.ALICE).contentType(contentType).body("{\"passthrough\": \"order-2\"}").when().patch(path)
                .then().statusCode(200).body("passthrough", equalTo("order-2"));

        for (String field : List.of("name", "reconnect_window_seconds", "recording", "max_continuous_duration_seconds",
                "max_bitrate_kbps")) {
            as(DemoUser.ALICE).contentType(contentType).body("{\"" + field + "\": null, \"passthrough\": null}").when().patch(path)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:sluice:problem:validation"))
                    .body("errors.field", contains(field))
                    .body("errors[0].message", equalTo("must not be null"));
        }
        as(DemoUser.ALICE).when().get(path).then().statusCode(200)
                .body("passthrough", equalTo("order-2"))
                .body("reconnect_window_seconds", equalTo(60))
                .body("recording", equalTo(true));
    }

    @Test
    void aPatchThatChangesNothingChangesNeitherTheUpdateTimeNorTheVersions() {
        JsonPath created = create(DemoUser.ALICE, Map.of("name", "left alone", "passthrough", "p", "max_bitrate_kbps", 6000));
        String id = created.getString("id");
        String path = "/v1/live-streams/" + id;

        for (String body : List.of("{}", "{\"name\": \"left alone\", \"passthrough\": \"p\", \"max_bitrate_kbps\": 6000,"
                + " \"reconnect_window_seconds\": 60, \"recording\": true}")) {
            as(DemoUser.ALICE).contentType("application/merge-patch+json").body(body).when().patch(path)
                    .then().statusCode(200)
                    .header("ETag", "\"1\"")
                    .body("updated_at", equalTo(created.getString("updated_at")));
        }
        // registry_version grows with every record written to the outbox.
        assertThat(Db.streamRow(id)).containsEntry("version", 1L).containsEntry("registry_version", 1L);

        as(DemoUser.ALICE).body(Map.of("passthrough", "")).when().patch(path)
                .then().statusCode(200).header("ETag", "\"2\"").body("passthrough", nullValue());
        as(DemoUser.ALICE).body(Map.of("passthrough", "")).when().patch(path).then().statusCode(200).header("ETag", "\"2\"");
        assertThat(Db.streamRow(id)).containsEntry("version", 2L).containsEntry("registry_version", 1L);
    }

    @Test
    void rotateKeyShowsANewKeyOnce() {
        JsonPath created = create(DemoUser.ALICE, "rotating");
        String id = created.getString("id");

        String rotated = as(DemoUser.ALICE).when().post("/v1/live-streams/" + id + "/rotate-key")
                .then().statusCode(200)
                .body("id", equalTo(id))
                .extract().path("stream_key");

        assertThat(rotated).startsWith("sluice_sk_").isNotEqualTo(created.getString("stream_key"));
        as(DemoUser.ALICE).when().get("/v1/live-streams/" + id)
                .then().statusCode(200).body("$", not(hasKey("stream_key")));
    }

    @Test
    void disableAndEnableChangeTheStatusAndAreIdempotent() {
        String id = create(DemoUser.ALICE, "switch").getString("id");

        for (int i = 0; i < 2; i++) {
            as(DemoUser.ALICE).when().post("/v1/live-streams/" + id + "/disable")
                    .then().statusCode(200).body("status", equalTo("disabled"));
        }
        as(DemoUser.ALICE).when().get("/v1/live-streams?status=disabled&limit=100")
                .then().statusCode(200).body("data.id", hasItem(id));
        for (int i = 0; i < 2; i++) {
            as(DemoUser.ALICE).when().post("/v1/live-streams/" + id + "/enable")
                    .then().statusCode(200).body("status", equalTo("idle"));
        }
    }

    @Test
    void deleteRemovesTheStream() {
        String id = create(DemoUser.ALICE, "short-lived").getString("id");

        as(DemoUser.ALICE).when().delete("/v1/live-streams/" + id).then().statusCode(204);

        as(DemoUser.ALICE).when().get("/v1/live-streams/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sluice:problem:live-stream-not-found"));
        as(DemoUser.ALICE).when().delete("/v1/live-streams/" + id).then().statusCode(404);
    }

    @Test
    void listPagesNewestFirstWithoutRepeatsAndFiltersByStatus() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(create(DemoUser.BOB, "paged " + i).getString("id"));
        }
        as(DemoUser.BOB).when().post("/v1/live-streams/" + mine.get(1) + "/disable").then().statusCode(200);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(DemoUser.BOB).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/v1/live-streams").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("data.id");
            assertThat(ids.size()).isLessThanOrEqualTo(2);
            assertThat(page.getList("data.tenant", String.class)).containsOnly("globex");
            seen.addAll(ids);
            cursor = page.getString("next_cursor");
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates();
        List<String> newestFirst = new ArrayList<>(mine.reversed());
        assertThat(seen.stream().filter(mine::contains).toList()).containsExactlyElementsOf(newestFirst);

        List<String> idle = as(DemoUser.BOB).queryParam("status", "idle").queryParam("limit", 100)
                .when().get("/v1/live-streams").then().statusCode(200).extract().jsonPath().getList("data.id");
        assertThat(idle).contains(mine.get(0), mine.get(2)).doesNotContain(mine.get(1));
        List<String> disabled = as(DemoUser.BOB).queryParam("status", "disabled").queryParam("limit", 100)
                .when().get("/v1/live-streams").then().statusCode(200).extract().jsonPath().getList("data.id");
        assertThat(disabled).contains(mine.get(1)).doesNotContain(mine.get(0));
    }

    @Test
    void validationErrorsNameTheField() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "ok");
        body.put("reconnect_window_seconds", 1801);
        body.put("max_continuous_duration_seconds", 59);
        as(DemoUser.ALICE).body(body).when().post("/v1/live-streams")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sluice:problem:validation"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/v1/live-streams"))
                .body("errors.field", containsInAnyOrder("max_continuous_duration_seconds",
                        "reconnect_window_seconds"));

        as(DemoUser.ALICE).body(Map.of("recording", true)).when().post("/v1/live-streams")
                .then().statusCode(400)
                .body("type", equalTo("urn:sluice:problem:validation"))
                .body("errors.field", contains("name"));

        as(DemoUser.ALICE).body(Map.of("name", "x".repeat(121))).when().post("/v1/live-streams")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));

        as(DemoUser.ALICE).body(Map.of("name", "ok", "passthrough", "p".repeat(256))).when().post("/v1/live-streams")
                .then().statusCode(400).body("errors[0].field", equalTo("passthrough"));

        String id = create(DemoUser.ALICE, "patch me").getString("id");
        as(DemoUser.ALICE).body(Map.of("reconnect_window_seconds", -1)).when().patch("/v1/live-streams/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("reconnect_window_seconds"));
        as(DemoUser.ALICE).body(Map.of("name", "  ")).when().patch("/v1/live-streams/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
    }

    /** JSON escapes as a client writes them, and the field that must be refused for them. */
    static Stream<Arguments> controlCharacters() {
        return Stream.of(
                Arguments.of("name", "\\u0000"),
                Arguments.of("name", "\\u0007"),
                Arguments.of("name", "\\n"),
                Arguments.of("name", "\\t"),
                Arguments.of("name", "\\u007f"),
                Arguments.of("name", "\\u0085"),
                Arguments.of("name", "\\ud800"),
                Arguments.of("passthrough", "\\u0000"),
                Arguments.of("passthrough", "\\u001b[31m"),
                Arguments.of("passthrough", "\\u009b"),
                Arguments.of("passthrough", "\\udc00"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("controlCharacters")
    void controlCharactersInTextAreRefusedAndTheFieldNamed(String field, String escape) {
        String id = create(DemoUser.ALICE, "control " + field).getString("id");
        String name = "name".equals(field) ? "a" + escape + "b" : "ok";
        String passthrough = "passthrough".equals(field) ? "a" + escape + "b" : "ok";

        as(DemoUser.ALICE).body("{\"name\":\"" + name + "\",\"passthrough\":\"" + passthrough + "\"}")
                .when().post("/v1/live-streams")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sluice:problem:validation"))
                .body("errors.field", contains(field))
                .body("errors[0].message", containsString("U+"));
        as(DemoUser.ALICE).body("{\"" + field + "\":\"a" + escape + "b\"}")
                .when().patch("/v1/live-streams/" + id)
                .then().statusCode(400)
                .body("type", equalTo("urn:sluice:problem:validation"))
                .body("errors.field", contains(field));
        as(DemoUser.ALICE).contentType("application/merge-patch+json").body("{\"" + field + "\":\"a" + escape + "b\"}")
                .when().patch("/v1/live-streams/" + id)
                .then().statusCode(400)
                .body("errors.field", contains(field));
    }

    @Test
    void passthroughKeepsLineBreaksAndTextKeepsEveryPrintableCharacter() {
        String passthrough = "line one\n\tline two\r\n{\"order\": 1234}";
        String name = "Пятница 🎬 👩‍💻 ليلة";
        JsonPath created = create(DemoUser.ALICE, Map.of("name", name, "passthrough", passthrough));

        assertThat(created.getString("passthrough")).isEqualTo(passthrough);
        assertThat(created.getString("name")).isEqualTo(name);
        assertThat(Db.streamRow(created.getString("id"))).containsEntry("passthrough", passthrough).containsEntry("name", name);
    }

    @Test
    void boundariesOfTheReconnectWindowAreAccepted() {
        create(DemoUser.ALICE, Map.of("name", "zero", "reconnect_window_seconds", 0));
        create(DemoUser.ALICE, Map.of("name", "max", "reconnect_window_seconds", 1800, "max_continuous_duration_seconds", 60));
    }

    @Test
    void malformedAndMistypedBodiesAreProblems() {
        as(DemoUser.ALICE).body("{\"name\": }").when().post("/v1/live-streams")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sluice:problem:malformed-body"));

        as(DemoUser.ALICE).body(Map.of("name", "x", "recording", "sometimes")).when().post("/v1/live-streams")
                .then().statusCode(400)
                .body("type", equalTo("urn:sluice:problem:malformed-body"))
                .body("errors[0].field", equalTo("recording"));

        as(DemoUser.ALICE).body(Map.of("name", "x", "reconnect_window", 10)).when().post("/v1/live-streams")
                .then().statusCode(400)
                .body("type", equalTo("urn:sluice:problem:malformed-body"))
                .body("errors[0].field", equalTo("reconnect_window"));

        as(DemoUser.ALICE).when().post("/v1/live-streams")
                .then().statusCode(400).body("type", equalTo("urn:sluice:problem:validation"));
    }

    static Stream<Arguments> badQueryParameters() {
        String nulInCursorId = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("2026-11-24T15:14:53Z|ls_\u0000".getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                Arguments.of("", "limit", "abc"),
                Arguments.of("", "limit", "1.5"),
                Arguments.of("", "limit", "99999999999"),
                Arguments.of("", "limit", "0"),
                Arguments.of("", "limit", "-1"),
                Arguments.of("", "limit", "101"),
                Arguments.of("", "status", "live"),
                Arguments.of("", "status", "ACTIVE"),
                Arguments.of("", "status", "idle,active"),
                Arguments.of("", "cursor", "not-a-cursor"),
                Arguments.of("", "cursor", nulInCursorId),
                Arguments.of("", "cursor", Base64.getUrlEncoder().encodeToString("session|s1".getBytes(StandardCharsets.UTF_8))),
                Arguments.of("", "tenant", "acme\u0000"),
                Arguments.of("", "tenant", "t".repeat(LiveStreamLimits.TENANT_MAX_LENGTH + 1)),
                Arguments.of("/{id}/sessions", "limit", "abc"),
                Arguments.of("/{id}/sessions", "limit", "0"),
                Arguments.of("/{id}/sessions", "limit", "101"),
                Arguments.of("/{id}/sessions", "cursor", "not-a-cursor"),
                Arguments.of("/{id}/sessions", "cursor", nulInCursorId));
    }

    @ParameterizedTest(name = "GET /v1/live-streams{0}?{1}={2}")
    @MethodSource("badQueryParameters")
    void aQueryParameterOfTheWrongTypeOrShapeIsAValidationProblemNamingIt(String suffix, String parameter, String value) {
        String id = create(DemoUser.ALICE, "queried").getString("id");
        for (DemoUser user : List.of(DemoUser.ALICE, DemoUser.OLIVIA)) {
            as(user).queryParam(parameter, value).when().get("/v1/live-streams" + suffix.replace("{id}", id))
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:sluice:problem:validation"))
                    .body("errors.field", contains(parameter));
        }
    }

    @Test
    void theLargestAndSmallestPageSizesAndAnEmptyParameterAreAccepted() {
        String id = create(DemoUser.ALICE, "paged at the limits").getString("id");
        for (String suffix : List.of("", "/" + id + "/sessions")) {
            as(DemoUser.ALICE).queryParam("limit", 1).when().get("/v1/live-streams" + suffix).then().statusCode(200);
            as(DemoUser.ALICE).queryParam("limit", 100).when().get("/v1/live-streams" + suffix).then().statusCode(200);
            as(DemoUser.ALICE).queryParam("limit", "").queryParam("cursor", "").when().get("/v1/live-streams" + suffix)
                    .then().statusCode(200);
        }
        as(DemoUser.ALICE).queryParam("status", "").when().get("/v1/live-streams").then().statusCode(200);
        as(DemoUser.OLIVIA).queryParam("tenant", "t".repeat(LiveStreamLimits.TENANT_MAX_LENGTH)).when().get("/v1/live-streams")
                .then().statusCode(200).body("data", empty());
    }

    @ParameterizedTest(name = "GET /v1/live-streams/{0}")
    @ValueSource(strings = {"ls_%00", "ls_%1B%5B31m", "ls_0123456789abcdef0123456789abcdef0123456789abcdef"})
    void anIdThatCannotBeAStreamIsNotFound(String id) {
        as(DemoUser.ALICE).urlEncodingEnabled(false).when().get("/v1/live-streams/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sluice:problem:live-stream-not-found"));
        as(DemoUser.ALICE).urlEncodingEnabled(false).when().post("/v1/live-streams/" + id + "/disable")
                .then().statusCode(404)
                .body("type", equalTo("urn:sluice:problem:live-stream-not-found"));
    }

    @Test
    void otherErrorsAreProblemsToo() {
        as(DemoUser.ALICE).when().put("/v1/live-streams")
                .then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo("urn:sluice:problem:method-not-allowed"));
        as(DemoUser.ALICE).contentType("text/plain").body("name=x").when().post("/v1/live-streams")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:sluice:problem:unsupported-media-type"));
        given().when().get("/v1/live-streams")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sluice:problem:unauthorized"));
        given().auth().oauth2("not.a.token").when().get("/v1/live-streams")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sluice:problem:unauthorized"));
        as(DemoUser.ALICE).when().get("/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sluice:problem:not-found"));
    }

    @Test
    void theOpenApiDocumentDescribesTheResourceWithExamples() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/v1/live-streams'.post.responses.'201'.content.'application/json'.examples.created.value.stream_key",
                        startsWith("sluice_sk_"))
                .body("paths.'/v1/live-streams/{id}/rotate-key'.post.summary", not(emptyOrNullString()))
                .body("paths.'/v1/admin/registry/republish'.post.summary", not(emptyOrNullString()))
                .body("components.schemas.LiveStream.properties.reconnect_window_seconds.maximum", equalTo(1800))
                .body("components.schemas.UpdateLiveStream.properties.reconnect_window_seconds.maximum", equalTo(1800))
                .body("components.schemas.UpdateLiveStream.properties.passthrough.type", hasItem("null"))
                .body("paths.'/v1/live-streams/{id}'.patch.parameters.find { it.name == 'If-Match' }.in", equalTo("header"))
                .body("paths.'/v1/live-streams/{id}'.patch.parameters.find { it.name == 'If-Match' }.schema.type", equalTo("string"))
                .body("paths.'/v1/live-streams/{id}'.patch.responses.'412'.content.'application/problem+json'.examples",
                        hasKey("precondition failed"))
                .body("paths.'/v1/live-streams/{id}'.get.responses.'200'.headers", hasKey("ETag"))
                .body("paths.'/v1/live-streams/{id}/sessions'.get.responses.'200'.content.'application/json'.examples.sessions.value.data[0].tls_version",
                        equalTo("TLSv1.3"))
                .body("paths.'/v1/live-streams/{id}/sessions'.get.responses.'200'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/SessionPage"))
                .body("components.schemas.SessionPage.properties.data.items.$ref", equalTo("#/components/schemas/Session"))
                .body("components.schemas.Session.properties", allOf(hasKey("tls_version"), hasKey("ingest_instance"),
                        hasKey("keyframe_interval_ms"), hasKey("audio_sample_rate"), hasKey("audio_channels"), hasKey("width"),
                        hasKey("height")))
                .body("paths.'/v1/live-streams'.get.parameters.find { it.name == 'limit' }.schema.type", equalTo("integer"))
                .body("paths.'/v1/live-streams'.get.parameters.find { it.name == 'limit' }.schema.maximum", equalTo(100))
                .body("paths.'/v1/live-streams/{id}/sessions'.get.parameters.find { it.name == 'limit' }.schema.default",
                        equalTo(25))
                .body("components.schemas.Problem.properties.type", notNullValue());
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}

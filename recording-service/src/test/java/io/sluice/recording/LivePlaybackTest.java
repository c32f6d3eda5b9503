package io.sluice.recording;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sluice.media.flv.FlvTag;
import io.sluice.recording.config.RecordingConfig;
import io.sluice.recording.support.FlvClips;
import io.sluice.recording.support.HlsValidator;
import io.sluice.recording.support.MediaPublisher;
import io.sluice.recording.support.TestStream;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.TestMedia;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * While a stream is live its playback URL serves Low-Latency HLS (RFC 8216bis, Apple's authoring rules), checked by
 * two strict parsers and by the rules themselves: parts of at most the part target with the first independent,
 * PART-HOLD-BACK of three part targets, a preload hint, blocking reload held until the part is there and refused
 * when it asks too far ahead, and the hinted part held until it is written.
 */
@QuarkusTest
class LivePlaybackTest {

    private static final Pattern HINT = Pattern.compile("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"(rec_[0-9a-f]+)/seg-(\\d+)\\.(\\d+)\\.m4s\"");

    @Inject
    RecordingConfig config;

    @Test
    void aLiveStreamPlaysAsLowLatencyHls() throws Exception {
        List<FlvTag> tags = FlvClips.tags(TestMedia.testsrcClip());
        try (TestStream stream = TestStream.create(DemoUser.ALICE, true, 60)) {
            String session = MediaPublisher.newSession();
            stream.publisher.sessionStarted(session, Instant.now());
            stream.publisher.media(session, tags.subList(0, 80), 1, 0);
            String url = "/v1/playback/" + stream.playbackId + "/index.m3u8";

            String live = Awaitility.await().atMost(TestStream.WITHIN).until(() -> given()
                    .header("Origin", "https://player.example").when().get(url),
                    response -> response.statusCode() == 200 && response.asString().contains("#EXT-X-PART:"))
                    .then().contentType("application/vnd.apple.mpegurl").header("Cache-Control", "public, max-age=1")
                    .header("Access-Control-Allow-Origin", equalTo("https://player.example")).extract().asString();
            JsonNode parsed = HlsValidator.validate(live);
            assertThat(parsed.get("endlist").asBoolean()).isFalse();
            assertThat(parsed.get("canBlockReload").asBoolean()).isTrue();
            double partTarget = parsed.get("partTargetDuration").asDouble();
            assertThat(partTarget).isEqualTo(0.333);
            assertThat(parsed.get("partHoldBack").asDouble()).isGreaterThanOrEqualTo(3 * partTarget - 1e-9);
            JsonNode firstParts = parsed.get("segments").get(0).get("parts");
            assertThat(firstParts.get(0).get("independent").asBoolean()).isTrue();
            for (JsonNode segment : parsed.get("segments")) {
                for (JsonNode part : segment.get("parts")) {
                    if (part.has("duration")) {
                        assertThat(part.get("duration").asDouble()).isLessThanOrEqualTo(partTarget);
                    }
                }
            }
            Matcher hint = HINT.matcher(live);
            assertThat(hint.find()).as(live).isTrue();
            long msn = Long.parseLong(hint.group(2));
            int part = Integer.parseInt(hint.group(3));

            CompletableFuture<Response> blocked = CompletableFuture.supplyAsync(() -> given()
                    .queryParam("_HLS_msn", msn).queryParam("_HLS_part", part).when().get(url));
            CompletableFuture<Response> hinted = CompletableFuture.supplyAsync(() -> given().when()
                    .get("/v1/playback/" + stream.playbackId + "/" + hint.group(1) + "/seg-" + msn + "." + part + ".m4s"));
            Thread.sleep(500);
            assertThat(blocked).as("held until the part is there").isNotDone();
            assertThat(hinted).as("held until the part is written").isNotDone();
            stream.publisher.media(session, tags.subList(80, 160), 81, 0);

            Response reloaded = blocked.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(reloaded.statusCode()).isEqualTo(200);
            assertThat(reloaded.asString()).contains("seg-" + msn + "." + part + ".m4s");
            HlsValidator.validate(reloaded.asString());
            Response partFile = hinted.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(partFile.statusCode()).isEqualTo(200);
            assertThat(partFile.contentType()).isEqualTo("video/iso.segment");
            assertThat(partFile.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
            assertThat(partFile.asByteArray()).hasSizeGreaterThan(8);

            given().queryParam("_HLS_msn", msn + 3).when().get(url).then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo("urn:sluice:problem:validation"));
            stream.publisher.sessionEnded(session, Instant.now(), Instant.now());
        }
    }

    @Test
    void aBlockingRequestThatIsNeverSatisfiedGivesUpAfterTheTimeout() {
        List<FlvTag> tags = FlvClips.tags(TestMedia.testsrcClip());
        try (TestStream stream = TestStream.create(DemoUser.ALICE, true, 60)) {
            String session = MediaPublisher.newSession();
            stream.publisher.sessionStarted(session, Instant.now());
            stream.publisher.media(session, tags.subList(0, 60), 1, 0);
            String url = "/v1/playback/" + stream.playbackId + "/index.m3u8";
            String live = Awaitility.await().atMost(TestStream.WITHIN).until(() -> given().when().get(url),
                    response -> response.statusCode() == 200).asString();
            Matcher hint = HINT.matcher(live);
            assertThat(hint.find()).isTrue();

            given().queryParam("_HLS_msn", Long.parseLong(hint.group(2)) + 1).when().get(url).then().statusCode(503)
                    .header("Retry-After", "1").body("type", equalTo("urn:sluice:problem:not-yet-available"));
            stream.publisher.sessionEnded(session, Instant.now(), Instant.now());
        }
    }

    @Test
    void badPlaybackRequestsAreProblems() {
        given().when().get("/v1/playback/pb_unknown/index.m3u8").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:sluice:problem:playback-not-found"));
        given().queryParam("_HLS_msn", "abc").when().get("/v1/playback/pb_unknown/index.m3u8").then().statusCode(400)
                .body("errors[0].field", equalTo("_HLS_msn"));
        given().queryParam("_HLS_part", "1").when().get("/v1/playback/pb_unknown/index.m3u8").then().statusCode(400)
                .body("errors[0].field", equalTo("_HLS_part"));
        given().queryParam("_HLS_msn", "-1").when().get("/v1/playback/pb_unknown/index.m3u8").then().statusCode(400);
        for (String path : List.of("/v1/playback/pb_x/rec_0123456789abcdef0123456789abcdef/..%2F..%2Fsecret",
                "/v1/playback/pb_x/rec_0123456789abcdef0123456789abcdef/seg-1.m4s%00",
                "/v1/playback/..%2F..%2Fetc/index.m3u8", "/v1/playback/pb_x/..%2Frec/index.m3u8")) {
            int status = given().urlEncodingEnabled(false).when().get(path).then().extract().statusCode();
            assertThat(status).as(path).isIn(400, 404);
        }
    }

    @Test
    void aStreamThatKeepsNoRecordingsStillPlaysLiveAndLeavesNothing() throws Exception {
        List<FlvTag> tags = FlvClips.tags(TestMedia.testsrcClip());
        try (TestStream stream = TestStream.create(DemoUser.ALICE, false, 0)) {
            String session = MediaPublisher.newSession();
            stream.publisher.sessionStarted(session, Instant.now());
            stream.publisher.media(session, tags.subList(0, 100), 1, 0);
            String url = "/v1/playback/" + stream.playbackId + "/index.m3u8";
            Awaitility.await().atMost(TestStream.WITHIN).until(() -> given().when().get(url).statusCode() == 200);
            assertThat(stream.recordings()).as("not listed in the API").isEmpty();

            Path media = Path.of(config.storage().directory(), DemoUser.ALICE.tenant(), stream.streamId);
            assertThat(storedFiles(media)).as("live parts are stored while it plays").isNotEmpty();

            stream.publisher.sessionEnded(session, Instant.now(), Instant.now());
            Awaitility.await().atMost(TestStream.WITHIN).pollInterval(Duration.ofMillis(200))
                    .until(() -> given().when().get(url).statusCode() == 404);
            Awaitility.await().atMost(TestStream.WITHIN).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(storedFiles(media)).as("nothing kept").isEmpty());
            assertThat(stream.recordings()).isEmpty();
        }
    }

    /** The files stored under a folder of the filesystem store, none when it does not exist. */
    private static List<Path> storedFiles(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}

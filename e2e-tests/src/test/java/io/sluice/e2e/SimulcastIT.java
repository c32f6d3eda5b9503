package io.sluice.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.sluice.events.DecodedEvent;
import io.sluice.events.MediaEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.SimulcastTargetStatus;
import io.sluice.media.flv.FlvTag;
import io.sluice.media.flv.FlvTagType;
import io.sluice.media.rtmp.session.EnhancedCapabilities;
import io.sluice.stack.component.QuarkusService;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.FlvTags;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.NginxRtmpTarget;
import io.sluice.testkit.RawRtmpClient;
import io.sluice.testkit.TestMedia;
import io.sluice.testkit.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulcast across the packaged services: ffmpeg publishes over RTMPS into the ingest, simulcast-service re-publishes
 * to nginx with the RTMP module over RTMP and to the same nginx behind TLS (nginx's stream module) over RTMPS, and
 * each records what it received: every video and audio packet the encoder sent from the first keyframe on, with
 * byte-identical payloads, compared packet by packet with the media log the ingest wrote. Sluice's own ingest as a
 * target shows its refusal of a wrong key, and takes HEVC over Enhanced RTMP, which nginx-rtmp is not offered.
 */
class SimulcastIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    /** How soon after a restart a target must be live again (issue: within 5 s); set by sluice.e2e.simulcast.resume-within. */
    private static final Duration RESUME_WITHIN = Duration.parse(System.getProperty("sluice.e2e.simulcast.resume-within",
            "PT5S"));
    private static QuarkusService auth;
    private static QuarkusService ingest;
    private static QuarkusService simulcast;

    @BeforeAll
    static void startServices() {
        auth = service("auth");
        ingest = service("ingest");
        simulcast = service("simulcast");
        auth.up();
        ingest.up();
        simulcast.up();
    }

    @AfterAll
    static void stopServices() {
        simulcast.down();
        ingest.down();
        auth.down();
    }

    @Test
    void ffmpegOverRtmpsReachesAnRtmpAndAnRtmpsTargetByteForByte(@TempDir Path folder) throws Exception {
        // No reconnect window: the session's end ends the targets' publishes at once.
        JsonPath stream = createStream(0);
        String streamId = stream.getString("id");
        String plainKey = "plain-" + streamId;
        String tlsKey = "tls-" + streamId;
        try (NginxRtmpTarget plain = NginxRtmpTarget.rtmp(folder.resolve("plain"));
                NginxRtmpTarget tls = NginxRtmpTarget.withTls(folder.resolve("tls"), "localhost");
                MediaLog media = new MediaLog(streamId);
                MediaLog statuses = new MediaLog(Topics.SIMULCAST, streamId)) {
            String plainId = createTarget(streamId, Map.of("url", plain.rtmpUrl(), "stream_key", plainKey));
            String tlsId = createTarget(streamId, Map.of("url", tls.rtmpsUrl("localhost"), "stream_key", tlsKey,
                    "tls_ca_pem", tls.certificatePem()));
            try (Ffmpeg ffmpeg = Ffmpeg.publishLive(TestMedia.testsrcClip(),
                    stream.getString("ingest.rtmps_url") + "/" + stream.getString("stream_key"))) {
                awaitStatus(streamId, plainId, "broadcasting");
                awaitStatus(streamId, tlsId, "broadcasting");
                long now = lastSequence(media.eventsWithin(Duration.ofMillis(200)));
                media.awaitEvent(e -> e instanceof DecodedEvent.Media m && m.event().sequence() > now + 200, WITHIN);
            }
            List<String> sent = fromFirstKeyframe(media.awaitSessionEnded(WITHIN));
            assertThat(sent).hasSizeGreaterThan(100);
            awaitStatus(streamId, plainId, "idle");
            awaitStatus(streamId, tlsId, "idle");

            for (Path recording : List.of(plain.recording(plainKey), tls.recording(tlsKey))) {
                Awaitility.await().atMost(WITHIN).until(() -> Files.exists(recording)
                        && mediaBodies(FlvTags.read(recording)).size() >= sent.size());
                assertThat(mediaBodies(FlvTags.read(recording))).as("every packet from the first keyframe, byte for byte")
                        .containsExactlyElementsOf(sent);
            }
            List<DecodedEvent> told = statuses.awaitEvent(e -> e instanceof DecodedEvent.Structured s
                    && s.event().data() instanceof SimulcastTargetStatus status
                    && status.status() == SimulcastTargetStatus.Status.IDLE && status.targetId().equals(tlsId), WITHIN);
            assertThat(told.stream().map(e -> (SimulcastTargetStatus) ((DecodedEvent.Structured) e).event().data())
                    .filter(s -> s.targetId().equals(plainId)).map(SimulcastTargetStatus::status))
                    .containsSubsequence(SimulcastTargetStatus.Status.STARTING, SimulcastTargetStatus.Status.BROADCASTING,
                            SimulcastTargetStatus.Status.IDLE);
        }
    }

    @Test
    void killedInMidStreamItsTargetIsLiveAgainFromAKeyframeSoonAfterTheRestart(@TempDir Path folder) throws Exception {
        JsonPath stream = createStream();
        String streamId = stream.getString("id");
        String key = "resume-" + streamId;
        try (NginxRtmpTarget nginx = NginxRtmpTarget.rtmp(folder.resolve("nginx"));
                Ffmpeg ffmpeg = Ffmpeg.publishLive(TestMedia.testsrcClip(),
                        stream.getString("ingest.rtmps_url") + "/" + stream.getString("stream_key"))) {
            String id = createTarget(streamId, Map.of("url", nginx.rtmpUrl(), "stream_key", key));
            String before = awaitStatus(streamId, id, "broadcasting").getString("connected_at");
            Path recording = nginx.recording(key);
            Awaitility.await().atMost(WITHIN).until(() -> Files.exists(recording)
                    && mediaBodies(FlvTags.read(recording)).size() > 50);

            ProcessHandle process = ProcessHandle.of(simulcast.status().pid()).orElseThrow();
            process.destroyForcibly();
            assertThat(process.onExit()).succeedsWithin(Duration.ofSeconds(10));
            simulcast.up();
            long restarted = System.nanoTime();
            // A new publish (nginx starts its recording again), headers first, media from a keyframe.
            Awaitility.await().atMost(RESUME_WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> {
                JsonPath target = target(streamId, id);
                return "broadcasting".equals(target.getString("status")) && !before.equals(target.getString("connected_at"))
                        && Files.exists(recording) && mediaBodies(FlvTags.read(recording)).size() > 5;
            });
            System.out.printf("simulcast target live again %d ms after the restart%n",
                    Duration.ofNanos(System.nanoTime() - restarted).toMillis());
            List<FlvTag> received = FlvTags.read(recording).stream().filter(t -> t.type() != FlvTagType.SCRIPT_DATA)
                    .toList();
            assertThat(isHeader(received.getFirst())).as("the sequence headers first").isTrue();
            FlvTag firstVideo = received.stream().filter(t -> t.type() == FlvTagType.VIDEO && !isHeader(t)).findFirst()
                    .orElseThrow();
            assertThat((firstVideo.body().toByteArray()[0] >> 4) & 0x07).as("the first frame is a keyframe").isEqualTo(1);
        }
    }

    @Test
    void sluicesOwnIngestAsATargetTellsWhyItRefusesTheKey() {
        JsonPath stream = createStream();
        String streamId = stream.getString("id");
        String id = createTarget(streamId, Map.of("url", stream.getString("ingest.rtmp_url"),
                "stream_key", "sk_not_a_key_of_this_ingest_0000"));
        try (Ffmpeg ffmpeg = Ffmpeg.publishLive(TestMedia.testsrcClip(),
                stream.getString("ingest.rtmps_url") + "/" + stream.getString("stream_key"))) {
            JsonPath errored = awaitStatus(streamId, id, "errored");
            assertThat(errored.getString("last_error")).startsWith("publish rejected by target: NetStream.Publish.")
                    .doesNotContain("sk_not_a_key");
            assertThat(errored.getString("stream_key")).isEqualTo("****0000");
        }
    }

    @Test
    void hevcGoesToATargetThatNegotiatesItAndIsRefusedByOneThatDoesNot(@TempDir Path folder) throws Exception {
        JsonPath source = createStream();
        JsonPath destination = createStream();
        String sourceId = source.getString("id");
        // Both keys are published below within milliseconds of the API's answers, before they can have reached
        // the ingest: it waits for them (new-key-wait).
        List<FlvTag> clip = FlvTags.read(TestMedia.file("ertmp-hevc-aac.flv"));
        try (NginxRtmpTarget nginx = NginxRtmpTarget.rtmp(folder.resolve("nginx"));
                MediaLog forwarded = new MediaLog(destination.getString("id"))) {
            String ownIngest = createTarget(sourceId, Map.of("url", destination.getString("ingest.rtmp_url"),
                    "stream_key", destination.getString("stream_key")));
            String legacy = createTarget(sourceId, Map.of("url", nginx.rtmpUrl(), "stream_key", "hevc-" + sourceId));
            try (RawRtmpClient encoder = RawRtmpClient.connect(source.getString("ingest.rtmp_url") + "/"
                    + source.getString("stream_key"), "127.0.0.1", new EnhancedCapabilities(List.of("hvc1", "mp4a"),
                    Map.of(), Map.of(), 0))) {
                encoder.awaitPublishing(Duration.ofSeconds(10));
                long start = System.nanoTime();
                for (int pass = 0; pass < 8; pass++) {
                    long offset = pass * (clip.getLast().timestamp() + 40);
                    for (FlvTag tag : clip) {
                        if (pass > 0 && isHeader(tag)) {
                            continue;
                        }
                        long due = start + (tag.timestamp() + offset) * 1_000_000;
                        while (System.nanoTime() < due) {
                            Thread.sleep(Math.max(1, (due - System.nanoTime()) / 1_000_000));
                        }
                        if (tag.type() == FlvTagType.VIDEO) {
                            encoder.sendVideo(tag.timestamp() + offset, tag.body().toByteArray());
                        } else if (tag.type() == FlvTagType.AUDIO) {
                            encoder.sendAudio(tag.timestamp() + offset, tag.body().toByteArray());
                        }
                    }
                    if (pass == 2) {
                        awaitStatus(sourceId, ownIngest, "broadcasting");
                        assertThat(awaitStatus(sourceId, legacy, "errored").getString("last_error"))
                                .startsWith("codec not accepted by target");
                    }
                }
            }
            List<DecodedEvent> received = forwarded.awaitSessionEnded(WITHIN);
            List<byte[]> video = received.stream().filter(e -> e instanceof DecodedEvent.Media m
                    && m.event().envelope().type() == io.sluice.events.EventType.MEDIA_VIDEO)
                    .map(e -> ((DecodedEvent.Media) e).event().payload()).toList();
            assertThat(video).isNotEmpty();
            assertThat(new String(video.getFirst(), 1, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .as("Enhanced RTMP HEVC arrives as it was sent").isEqualTo("hvc1");
        }
    }

    private static JsonPath createStream() {
        return createStream(60);
    }

    private static JsonPath createStream(int reconnectWindowSeconds) {
        return given().baseUri(auth.url()).auth().oauth2(DemoUser.ALICE.accessToken()).contentType("application/json")
                .body("{\"name\":\"simulcast test\",\"reconnect_window_seconds\":" + reconnectWindowSeconds + "}")
                .when().post("/v1/live-streams").then().statusCode(201).extract().jsonPath();
    }

    private static String createTarget(String streamId, Map<String, Object> body) {
        String path = "/v1/live-streams/" + streamId + "/simulcast-targets";
        Awaitility.await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> given()
                .baseUri(simulcast.url()).auth().oauth2(DemoUser.ALICE.accessToken()).get(path).statusCode() == 200);
        return given().baseUri(simulcast.url()).auth().oauth2(DemoUser.ALICE.accessToken()).contentType("application/json")
                .body(body).when().post(path).then().statusCode(201).extract().path("id");
    }

    private static JsonPath target(String streamId, String id) {
        return given().baseUri(simulcast.url()).auth().oauth2(DemoUser.ALICE.accessToken())
                .get("/v1/live-streams/" + streamId + "/simulcast-targets/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    private static JsonPath awaitStatus(String streamId, String id, String status) {
        String token = DemoUser.ALICE.accessToken();
        return Awaitility.await().atMost(WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> given().baseUri(simulcast.url()).auth().oauth2(token)
                        .get("/v1/live-streams/" + streamId + "/simulcast-targets/" + id).then().statusCode(200)
                        .extract().jsonPath(), t -> status.equals(t.getString("status")));
    }

    /** The audio and video bodies of the session's media events from the first video keyframe, headers left out. */
    private static List<String> fromFirstKeyframe(List<DecodedEvent> events) {
        List<MediaEvent> media = events.stream().filter(e -> e instanceof DecodedEvent.Media)
                .map(e -> ((DecodedEvent.Media) e).event())
                .filter(m -> m.envelope().type() == io.sluice.events.EventType.MEDIA_VIDEO
                        || m.envelope().type() == io.sluice.events.EventType.MEDIA_AUDIO)
                .filter(m -> !isHeader(m.payload(), m.envelope().type() == io.sluice.events.EventType.MEDIA_VIDEO))
                .toList();
        int first = 0;
        while (first < media.size() && !(media.get(first).envelope().type() == io.sluice.events.EventType.MEDIA_VIDEO
                && ((media.get(first).payload()[0] >> 4) & 0x07) == 1)) {
            first++;
        }
        return media.subList(first, media.size()).stream().map(m -> HexFormat.of().formatHex(m.payload())).toList();
    }

    private static long lastSequence(List<DecodedEvent> events) {
        return events.stream().filter(e -> e instanceof DecodedEvent.Media).mapToLong(e -> ((DecodedEvent.Media) e)
                .event().sequence()).max().orElse(0);
    }

    private static List<String> mediaBodies(List<FlvTag> tags) {
        return tags.stream().filter(t -> t.type() != FlvTagType.SCRIPT_DATA && !isHeader(t))
                .map(t -> HexFormat.of().formatHex(t.body().toByteArray())).toList();
    }

    private static boolean isHeader(FlvTag tag) {
        return tag.type() != FlvTagType.SCRIPT_DATA && isHeader(tag.body().toByteArray(), tag.type() == FlvTagType.VIDEO);
    }

    private static boolean isHeader(byte[] body, boolean video) {
        if (body.length < 2) {
            return false;
        }
        if (video && (body[0] & 0x80) != 0) {
            return (body[0] & 0x0F) == 0;
        }
        return body[1] == 0 && (video || (body[0] & 0xF0) == 0xA0);
    }

    private static QuarkusService service(String name) {
        return TestStack.get().stack().services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}

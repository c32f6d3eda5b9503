package io.sluice.simulcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.sluice.events.DecodedEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.SimulcastTargetStatus;
import io.sluice.media.flv.FlvTag;
import io.sluice.media.flv.FlvTagType;
import io.sluice.simulcast.support.LiveSession;
import io.sluice.simulcast.support.Targets;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.FlvTags;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.MediaLogWriter;
import io.sluice.testkit.NginxRtmpTarget;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forwarding engine against real nginx-rtmp targets, fed by sessions on the real media log: every packet arrives
 * byte for byte over RTMP and RTMPS, targets start and stop while live, a target that dies comes back, failures are
 * told in plain words, and no key reaches an event or the DEBUG log.
 */
@QuarkusTest
@TestProfile(LoopbackTargets.class)
class ForwardingTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final RegistryWriter REGISTRY = new RegistryWriter();

    @TempDir
    Path folder;

    @AfterAll
    static void closeRegistry() {
        REGISTRY.close();
    }

    private static String newStream() {
        String streamId = REGISTRY.create(DemoUser.ALICE.tenant(), 0).entry().streamId();
        Targets.awaitStream(streamId);
        return streamId;
    }

    private static String newKey() {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return "key-" + HexFormat.of().formatHex(random);
    }

    @Test
    void everyPacketReachesAnRtmpAndAnRtmpsTargetByteForByte() throws Exception {
        String stream = newStream();
        String plainKey = newKey();
        String tlsKey = newKey();
        List<FlvTag> clip = FlvTags.read(TestMedia.testsrcClip());
        int firstKeyframe = firstKeyframe(clip);
        try (NginxRtmpTarget plain = NginxRtmpTarget.rtmp(folder.resolve("plain"));
                NginxRtmpTarget tls = NginxRtmpTarget.withTls(folder.resolve("tls"), "localhost");
                MediaLog events = new MediaLog(Topics.SIMULCAST, stream);
                MediaLogWriter session = new MediaLogWriter(stream, DemoUser.ALICE.tenant())) {
            String plainId = Targets.create(stream, Map.of("url", plain.rtmpUrl(), "stream_key", plainKey,
                    "passthrough", "plain"));
            String tlsId = Targets.create(stream, Map.of("url", tls.rtmpsUrl("localhost"), "stream_key", tlsKey,
                    "tls_ca_pem", tls.certificatePem()));

            session.sessionStarted();
            session.media(clip.subList(0, firstKeyframe), 0);
            Targets.awaitStatus(stream, plainId, "broadcasting", WITHIN);
            JsonPath broadcasting = Targets.awaitStatus(stream, tlsId, "broadcasting", WITHIN);
            assertThat(broadcasting.getString("connected_at")).isNotNull();
            session.media(clip.subList(firstKeyframe, clip.size()), 0);
            List<FlvTag> sent = media(clip.subList(firstKeyframe, clip.size()));
            session.sessionEnded();

            JsonPath idle = Targets.awaitStatus(stream, plainId, "idle", WITHIN);
            Targets.awaitStatus(stream, tlsId, "idle", WITHIN);
            assertThat(idle.getLong("bytes_out")).isGreaterThan(clip.stream().mapToLong(t -> t.body().length()).sum() / 2);
            for (Path recording : List.of(plain.recording(plainKey), tls.recording(tlsKey))) {
                Awaitility.await().atMost(WITHIN).until(() -> Files.exists(recording)
                        && media(FlvTags.read(recording)).size() >= sent.size());
                List<FlvTag> received = FlvTags.read(recording);
                assertThat(bodies(media(received))).as("every packet from the first keyframe, byte for byte")
                        .containsExactlyElementsOf(bodies(sent));
                assertThat(bodies(headers(received)).stream().distinct()).as("the sequence headers")
                        .containsExactlyElementsOf(bodies(headers(clip)));
                long base = sent.getFirst().timestamp();
                List<FlvTag> receivedVideo = media(received).stream().filter(t -> t.type() == FlvTagType.VIDEO).toList();
                List<FlvTag> sentVideo = sent.stream().filter(t -> t.type() == FlvTagType.VIDEO).toList();
                assertThat(receivedVideo.getFirst().timestamp()).isZero();
                for (int i = 0; i < sentVideo.size(); i++) {
                    assertThat(receivedVideo.get(i).timestamp()).isEqualTo(sentVideo.get(i).timestamp() - base);
                }
            }

            List<DecodedEvent> told = events.awaitEvent(e -> status(e) == SimulcastTargetStatus.Status.IDLE
                    && target(e).equals(tlsId), WITHIN);
            assertThat(told.stream().filter(e -> target(e).equals(plainId)).map(ForwardingTest::status))
                    .containsSubsequence(SimulcastTargetStatus.Status.STARTING, SimulcastTargetStatus.Status.BROADCASTING);
            SimulcastTargetStatus first = (SimulcastTargetStatus) ((DecodedEvent.Structured) told.getFirst()).event().data();
            assertThat(first.tenant()).isEqualTo(DemoUser.ALICE.tenant());
            assertThat(first.host()).isIn("127.0.0.1", "localhost");
            for (var record : events.records()) {
                assertThat(new String(record.value(), StandardCharsets.ISO_8859_1)).as("an event")
                        .doesNotContain(plainKey).doesNotContain(tlsKey);
            }
            assertNotLogged(plainKey, tlsKey);
        }
    }

    @Test
    void targetsAddedAndDisabledWhileLiveStartAtAKeyframeAndStop() throws Exception {
        String stream = newStream();
        String firstKey = newKey();
        String laterKey = newKey();
        try (NginxRtmpTarget nginx = NginxRtmpTarget.rtmp(folder.resolve("nginx"));
                LiveSession live = new LiveSession(stream, DemoUser.ALICE.tenant(), FlvTags.read(TestMedia.testsrcClip()))) {
            String first = Targets.create(stream, Map.of("url", nginx.rtmpUrl(), "stream_key", firstKey));
            Targets.awaitStatus(stream, first, "broadcasting", WITHIN);

            String later = Targets.create(stream, Map.of("url", nginx.rtmpUrl(), "stream_key", laterKey));
            Targets.awaitStatus(stream, later, "broadcasting", Duration.ofSeconds(5));
            Awaitility.await().atMost(WITHIN).until(() -> Files.exists(nginx.recording(laterKey))
                    && media(FlvTags.read(nginx.recording(laterKey))).size() > 10);
            List<FlvTag> received = FlvTags.read(nginx.recording(laterKey));
            assertThat(bodies(headers(received))).as("headers first").isNotEmpty();
            FlvTag firstVideo = media(received).stream().filter(t -> t.type() == FlvTagType.VIDEO).findFirst().orElseThrow();
            assertThat((firstVideo.body().toByteArray()[0] >> 4) & 0x07).as("the first frame is a keyframe").isEqualTo(1);

            Targets.patch(stream, first, Map.of("enabled", false));
            Targets.awaitStatus(stream, first, "idle", Duration.ofSeconds(3));
            long size = Files.size(nginx.recording(firstKey));
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> Files.size(nginx.recording(firstKey)) == size);
            assertThat(Targets.get(stream, later).getString("status")).isEqualTo("broadcasting");
        }
    }

    @Test
    void aTargetThatDiesIsRetriedUntilItIsBack() throws Exception {
        String stream = newStream();
        try (NginxRtmpTarget nginx = NginxRtmpTarget.rtmp(folder.resolve("nginx"));
                LiveSession live = new LiveSession(stream, DemoUser.ALICE.tenant(), FlvTags.read(TestMedia.testsrcClip()))) {
            String id = Targets.create(stream, Map.of("url", nginx.rtmpUrl(), "stream_key", newKey()));
            Targets.awaitStatus(stream, id, "broadcasting", WITHIN);

            nginx.kill();
            JsonPath errored = Targets.awaitStatus(stream, id, "errored", WITHIN);
            assertThat(errored.getString("last_error")).isNotBlank();
            Awaitility.await().atMost(WITHIN).until(() -> Targets.get(stream, id).getString("last_error"),
                    error -> error != null && error.startsWith("connection refused by 127.0.0.1:"));
            nginx.start();
            JsonPath back = Targets.awaitStatus(stream, id, "broadcasting", WITHIN);
            assertThat(back.getLong("reconnects")).isGreaterThanOrEqualTo(1);
            assertThat(back.getString("last_error")).isNull();
        }
    }

    @Test
    void failuresAreToldInPlainWords() throws Exception {
        String stream = newStream();
        String refusedKey = newKey();
        int closedPort;
        try (ServerSocket unused = new ServerSocket(0)) {
            closedPort = unused.getLocalPort();
        }
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                NginxRtmpTarget nginx = NginxRtmpTarget.rtmp(folder.resolve("nginx"));
                NginxRtmpTarget otherName = NginxRtmpTarget.withTls(folder.resolve("tls"), "other.example");
                LiveSession live = new LiveSession(stream, DemoUser.ALICE.tenant(), FlvTags.read(TestMedia.testsrcClip()))) {
            String refused = Targets.create(stream, Map.of("url", nginx.rtmpUrl().replace("/live", "/refuse"),
                    "stream_key", refusedKey));
            String nothing = Targets.create(stream, Map.of("url", "rtmp://127.0.0.1:" + closedPort + "/live",
                    "stream_key", newKey()));
            String noName = Targets.create(stream, Map.of("url", "rtmps://no-such-host.invalid/live2",
                    "stream_key", newKey()));
            String mismatch = Targets.create(stream, Map.of("url", otherName.rtmpsUrl("localhost"), "stream_key",
                    newKey(), "tls_ca_pem", otherName.certificatePem()));

            String neverAnswers = Targets.create(stream, Map.of("url", "rtmp://127.0.0.1:" + silent.getLocalPort() + "/live",
                    "stream_key", newKey()));

            assertThat(Targets.awaitStatus(stream, neverAnswers, "errored", WITHIN).getString("last_error"))
                    .isEqualTo("no RTMP answer from 127.0.0.1:" + silent.getLocalPort() + " in time");
            assertThat(Targets.awaitStatus(stream, refused, "errored", WITHIN).getString("last_error"))
                    .startsWith("the target closed the connection");
            assertThat(Targets.awaitStatus(stream, nothing, "errored", WITHIN).getString("last_error"))
                    .isEqualTo("connection refused by 127.0.0.1:" + closedPort);
            assertThat(Targets.awaitStatus(stream, noName, "errored", WITHIN).getString("last_error"))
                    .isEqualTo("DNS failure: the host of no-such-host.invalid:443 cannot be resolved");
            assertThat(Targets.awaitStatus(stream, mismatch, "errored", WITHIN).getString("last_error"))
                    .startsWith("TLS failure with localhost:").contains("No subject alternative DNS name matching localhost");
            assertNotLogged(refusedKey);
        }
    }

    @Test
    void hevcIsRefusedCleanlyByATargetThatDoesNotAcceptIt() throws Exception {
        String stream = newStream();
        try (NginxRtmpTarget nginx = NginxRtmpTarget.rtmp(folder.resolve("nginx"));
                LiveSession live = new LiveSession(stream, DemoUser.ALICE.tenant(),
                        FlvTags.read(TestMedia.file("ertmp-hevc-aac.flv")))) {
            String id = Targets.create(stream, Map.of("url", nginx.rtmpUrl(), "stream_key", newKey()));
            assertThat(Targets.awaitStatus(stream, id, "errored", WITHIN).getString("last_error"))
                    .startsWith("codec not accepted by target");
        }
    }

    private static void assertNotLogged(String... keys) throws IOException {
        Path log = Path.of(LoopbackTargets.DEBUG_LOG);
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text).as("the DEBUG log").contains("DEBUG [io.slu.sim.for.TargetConnection]");
        for (String key : keys) {
            assertThat(text).as("the DEBUG log").doesNotContain(key);
        }
    }

    private static SimulcastTargetStatus.Status status(DecodedEvent event) {
        return event instanceof DecodedEvent.Structured s && s.event().data() instanceof SimulcastTargetStatus status
                ? status.status() : null;
    }

    private static String target(DecodedEvent event) {
        return event instanceof DecodedEvent.Structured s && s.event().data() instanceof SimulcastTargetStatus status
                ? status.targetId() : "";
    }

    private static int firstKeyframe(List<FlvTag> tags) {
        for (int i = 0; i < tags.size(); i++) {
            byte[] body = tags.get(i).body().toByteArray();
            if (tags.get(i).type() == FlvTagType.VIDEO && ((body[0] >> 4) & 0x07) == 1 && body[1] == 1) {
                return i;
            }
        }
        throw new IllegalStateException("no keyframe");
    }

    private static boolean isHeader(FlvTag tag) {
        byte[] body = tag.body().toByteArray();
        return body.length > 1 && body[1] == 0 && (tag.type() == FlvTagType.VIDEO || (body[0] & 0xF0) == 0xA0);
    }

    private static List<FlvTag> headers(List<FlvTag> tags) {
        return tags.stream().filter(t -> t.type() != FlvTagType.SCRIPT_DATA && isHeader(t)).toList();
    }

    private static List<FlvTag> media(List<FlvTag> tags) {
        return tags.stream().filter(t -> t.type() != FlvTagType.SCRIPT_DATA && !isHeader(t)).toList();
    }

    private static List<String> bodies(List<FlvTag> tags) {
        return tags.stream().map(t -> HexFormat.of().formatHex(t.body().toByteArray())).toList();
    }
}

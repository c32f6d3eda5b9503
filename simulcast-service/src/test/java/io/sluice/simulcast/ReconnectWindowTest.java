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
import io.sluice.simulcast.support.Targets;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.FlvTags;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.MediaLogWriter;
import io.sluice.testkit.NginxRtmpTarget;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream's reconnect window against a real nginx-rtmp target: a session that follows the previous one within the
 * window goes on in the same publish (one recording, timestamps that never go back, the media of both sessions); one
 * that comes after the window is a new publish; a target that drops the held publish goes idle and starts afresh.
 */
@QuarkusTest
@TestProfile(LoopbackTargets.class)
class ReconnectWindowTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final RegistryWriter REGISTRY = new RegistryWriter();

    @TempDir
    Path folder;

    @AfterAll
    static void closeRegistry() {
        REGISTRY.close();
    }

    @Test
    void aSessionWithinTheWindowGoesOnInTheSamePublish() throws Exception {
        String stream = newStream(8);
        String key = newKey();
        // Without ffmpeg's closing end-of-sequence tag, stamped with the last frame's time, behind the last audio:
        // the encoder's own step back, which is passed on as sent, would hide the one this test looks for.
        List<FlvTag> clip = FlvTags.read(TestMedia.testsrcClip()).stream().filter(t -> !isEndOfSequence(t)).toList();
        int firstKeyframe = firstKeyframe(clip);
        List<FlvTag> sent = media(clip.subList(firstKeyframe, clip.size()));
        try (NginxRtmpTarget nginx = NginxRtmpTarget.rtmp(folder.resolve("nginx"));
                MediaLog events = new MediaLog(Topics.SIMULCAST, stream)) {
            String id = Targets.create(stream, Map.of("url", nginx.rtmpUrl(), "stream_key", key));
            Path recording = nginx.recording(key);
            try (MediaLogWriter first = new MediaLogWriter(stream, DemoUser.ALICE.tenant())) {
                first.sessionStarted();
                first.media(clip.subList(0, firstKeyframe), 0);
                Targets.awaitStatus(stream, id, "broadcasting", WITHIN);
                first.media(clip.subList(firstKeyframe, clip.size()), 0);
                first.sessionEnded();
            }
            Awaitility.await().atMost(WITHIN).until(() -> Files.exists(recording)
                    && media(FlvTags.read(recording)).size() >= sent.size());
            String connectedAt = Targets.get(stream, id).getString("connected_at");
            assertThat(Targets.get(stream, id).getString("status")).as("published across the window")
                    .isEqualTo("broadcasting");

            try (MediaLogWriter second = new MediaLogWriter(stream, DemoUser.ALICE.tenant())) {
                second.sessionStarted();
                second.media(clip, 0);
                Awaitility.await().atMost(WITHIN).until(() -> media(FlvTags.read(recording)).size() >= 2 * sent.size());
                second.sessionEnded();
            }
            JsonPath idle = Targets.awaitStatus(stream, id, "idle", WITHIN);
            assertThat(idle.getString("last_error")).isNull();

            assertThat(nginx.publishes(key)).as("one publish for both sessions").isEqualTo(1);
            List<FlvTag> received = FlvTags.read(recording);
            List<String> expected = new ArrayList<>(bodies(sent));
            expected.addAll(bodies(sent));
            assertThat(bodies(media(received))).as("both sessions from their first keyframe, byte for byte")
                    .containsExactlyElementsOf(expected);
            long previous = -1;
            for (int i = 0; i < received.size(); i++) {
                FlvTag tag = received.get(i);
                int at = i;
                assertThat(tag.timestamp()).as(() -> "timestamps never go back, at " + at + ": " + received.subList(
                        Math.max(0, at - 4), Math.min(received.size(), at + 3)).stream()
                        .map(t -> t.type() + "@" + t.timestamp() + (isHeader(t) ? "h" : "")).toList())
                        .isGreaterThanOrEqualTo(previous);
                previous = tag.timestamp();
            }
            List<FlvTag> video = media(received).stream().filter(t -> t.type() == FlvTagType.VIDEO).toList();
            int half = video.size() / 2;
            assertThat(video.get(half).timestamp()).as("the second session comes after the first")
                    .isGreaterThan(video.get(half - 1).timestamp());
            assertThat(connectedAt).isNotNull();

            List<DecodedEvent> told = events.awaitEvent(e -> status(e) == SimulcastTargetStatus.Status.IDLE, WITHIN);
            assertThat(told.stream().map(ReconnectWindowTest::status).filter(s -> s != null))
                    .as("one broadcast, told once").containsExactly(SimulcastTargetStatus.Status.STARTING,
                            SimulcastTargetStatus.Status.BROADCASTING, SimulcastTargetStatus.Status.IDLE);
        }
    }

    @Test
    void aSessionAfterTheWindowIsANewPublish() throws Exception {
        String stream = newStream(1);
        String key = newKey();
        List<FlvTag> clip = FlvTags.read(TestMedia.testsrcClip());
        try (NginxRtmpTarget nginx = NginxRtmpTarget.rtmp(folder.resolve("nginx"))) {
            String id = Targets.create(stream, Map.of("url", nginx.rtmpUrl(), "stream_key", key));
            try (MediaLogWriter first = new MediaLogWriter(stream, DemoUser.ALICE.tenant())) {
                first.sessionStarted();
                first.media(clip, 0);
                Targets.awaitStatus(stream, id, "broadcasting", WITHIN);
                first.sessionEnded();
            }
            Targets.awaitStatus(stream, id, "idle", WITHIN);
            Awaitility.await().atMost(WITHIN).until(() -> nginx.publishes(key) == 1);

            try (MediaLogWriter second = new MediaLogWriter(stream, DemoUser.ALICE.tenant())) {
                second.sessionStarted();
                second.media(clip, 0);
                Targets.awaitStatus(stream, id, "broadcasting", WITHIN);
                Awaitility.await().atMost(WITHIN).until(() -> nginx.publishes(key) == 2);
                second.sessionEnded();
            }
            Targets.awaitStatus(stream, id, "idle", WITHIN);
            assertThat(nginx.publishes(key)).isEqualTo(2);
        }
    }

    @Test
    void aTargetThatDropsTheHeldPublishIsIdleAndStartsAfreshWithTheNextSession() throws Exception {
        String stream = newStream(60);
        String key = newKey();
        List<FlvTag> clip = FlvTags.read(TestMedia.testsrcClip());
        try (NginxRtmpTarget nginx = NginxRtmpTarget.rtmp(folder.resolve("nginx"))) {
            String id = Targets.create(stream, Map.of("url", nginx.rtmpUrl(), "stream_key", key));
            try (MediaLogWriter first = new MediaLogWriter(stream, DemoUser.ALICE.tenant())) {
                first.sessionStarted();
                first.media(clip, 0);
                Targets.awaitStatus(stream, id, "broadcasting", WITHIN);
                first.sessionEnded();
            }
            Awaitility.await().atMost(WITHIN).until(() -> Files.exists(nginx.recording(key))
                    && media(FlvTags.read(nginx.recording(key))).size() > 10);
            nginx.kill();
            JsonPath idle = Targets.awaitStatus(stream, id, "idle", WITHIN);
            assertThat(idle.getString("last_error")).as("why it is idle").isNotBlank();

            nginx.start();
            try (MediaLogWriter second = new MediaLogWriter(stream, DemoUser.ALICE.tenant())) {
                second.sessionStarted();
                second.media(clip, 0);
                Targets.awaitStatus(stream, id, "broadcasting", WITHIN);
                Awaitility.await().atMost(WITHIN).until(() -> nginx.publishes(key) == 2);
                second.sessionEnded();
            }
        }
    }

    private static String newStream(long reconnectWindowSeconds) {
        String streamId = REGISTRY.create(DemoUser.ALICE.tenant(), reconnectWindowSeconds).entry().streamId();
        Targets.awaitStream(streamId);
        return streamId;
    }

    private static String newKey() {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return "key-" + HexFormat.of().formatHex(random);
    }

    private static SimulcastTargetStatus.Status status(DecodedEvent event) {
        return event instanceof DecodedEvent.Structured s && s.event().data() instanceof SimulcastTargetStatus status
                ? status.status() : null;
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

    /** Audio and video without sequence headers. */
    private static List<FlvTag> media(List<FlvTag> tags) {
        return tags.stream().filter(t -> t.type() != FlvTagType.SCRIPT_DATA && !isHeader(t)).toList();
    }

    private static boolean isHeader(FlvTag tag) {
        byte[] body = tag.body().toByteArray();
        return body.length > 1 && body[1] == 0 && (tag.type() == FlvTagType.VIDEO || (body[0] & 0xF0) == 0xA0);
    }

    private static boolean isEndOfSequence(FlvTag tag) {
        byte[] body = tag.body().toByteArray();
        return tag.type() == FlvTagType.VIDEO && body.length > 1 && (body[0] & 0x0F) == 7 && body[1] == 2;
    }

    private static List<String> bodies(List<FlvTag> tags) {
        return tags.stream().map(t -> HexFormat.of().formatHex(t.body().toByteArray())).toList();
    }
}

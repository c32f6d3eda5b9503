package io.sluice.simulcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sluice.media.flv.FlvTag;
import io.sluice.media.flv.FlvTagType;
import io.sluice.simulcast.forward.SimulcastEngine;
import io.sluice.simulcast.storage.LiveSessionRepository;
import io.sluice.simulcast.storage.LiveSessionRepository.Header;
import io.sluice.simulcast.support.Targets;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.FlvTags;
import io.sluice.testkit.MediaLogWriter;
import io.sluice.testkit.NginxRtmpTarget;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import jakarta.inject.Inject;
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
 * The path an instance takes when it is assigned a partition whose sessions went live before it (a restart, a
 * rebalance): the session stored by the previous owner, with its headers, is resumed from the database; the target
 * gets the headers first and media from the next keyframe, though this instance never read the session's start; the
 * session's end forgets it.
 */
@QuarkusTest
@TestProfile(LoopbackTargets.class)
class ResumeTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    /** A partition no real session uses, so that only this test's session is resumed. */
    private static final int PARTITION = 9_999;
    private static final RegistryWriter REGISTRY = new RegistryWriter();

    @Inject
    SimulcastEngine engine;

    @Inject
    LiveSessionRepository sessions;

    @TempDir
    Path folder;

    @AfterAll
    static void closeRegistry() {
        REGISTRY.close();
    }

    @Test
    void aSessionThatWentLiveBeforeTheAssignmentIsForwardedFromItsNextKeyframe() throws Exception {
        String tenant = DemoUser.ALICE.tenant();
        String stream = REGISTRY.create(tenant, 0).entry().streamId();
        Targets.awaitStream(stream);
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        String key = "key-" + HexFormat.of().formatHex(random);
        List<FlvTag> clip = FlvTags.read(TestMedia.testsrcClip());
        int firstKeyframe = firstKeyframe(clip);
        try (NginxRtmpTarget nginx = NginxRtmpTarget.rtmp(folder.resolve("nginx"));
                MediaLogWriter session = new MediaLogWriter(stream, tenant)) {
            String target = Targets.create(stream, Map.of("url", nginx.rtmpUrl(), "stream_key", key));
            // What the previous owner stored when the session started and its headers passed.
            sessions.started(stream, session.sessionId(), tenant, PARTITION);
            for (FlvTag tag : clip.subList(0, firstKeyframe)) {
                Header header = tag.type() == FlvTagType.SCRIPT_DATA ? Header.METADATA
                        : tag.type() == FlvTagType.VIDEO ? Header.VIDEO : Header.AUDIO;
                sessions.header(stream, session.sessionId(), header, tag.body().toByteArray());
            }

            engine.resume(sessions.ofPartitions(List.of(PARTITION)));
            Targets.awaitStatus(stream, target, "broadcasting", WITHIN);
            // The media goes on mid-GOP, as it does for an instance that joins a live session.
            List<FlvTag> media = clip.subList(firstKeyframe, clip.size()).stream().filter(t -> !isHeader(t)).toList();
            session.media(media.subList(1, media.size()), 0);
            session.media(media, clip.getLast().timestamp() + 40);
            session.flush();

            Path recording = nginx.recording(key);
            Awaitility.await().atMost(WITHIN).until(() -> Files.exists(recording)
                    && FlvTags.read(recording).stream().filter(t -> !isHeader(t)).count() > 10);
            List<FlvTag> received = FlvTags.read(recording).stream().filter(t -> t.type() != FlvTagType.SCRIPT_DATA)
                    .toList();
            assertThat(isHeader(received.getFirst())).as("sequence headers first").isTrue();
            FlvTag firstVideo = received.stream().filter(t -> t.type() == FlvTagType.VIDEO && !isHeader(t))
                    .findFirst().orElseThrow();
            assertThat((firstVideo.body().toByteArray()[0] >> 4) & 0x07).as("the first frame is a keyframe")
                    .isEqualTo(1);

            session.sessionEnded();
            session.flush();
            Targets.awaitStatus(stream, target, "idle", WITHIN);
            Awaitility.await().atMost(WITHIN).until(() -> sessions.ofPartitions(List.of(PARTITION)).stream()
                    .noneMatch(s -> s.streamId().equals(stream)));
        }
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
        return tag.type() == FlvTagType.SCRIPT_DATA
                || body.length > 1 && body[1] == 0 && (tag.type() == FlvTagType.VIDEO || (body[0] & 0xF0) == 0xA0);
    }
}

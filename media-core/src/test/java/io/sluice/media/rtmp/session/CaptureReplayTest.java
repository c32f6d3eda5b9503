package io.sluice.media.rtmp.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.media.rtmp.handshake.HandshakeKind;
import io.sluice.media.rtmp.session.ServerEvent.AudioReceived;
import io.sluice.media.rtmp.session.ServerEvent.MetadataReceived;
import io.sluice.media.rtmp.session.ServerEvent.VideoReceived;
import io.sluice.media.testing.FlvFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays what ffmpeg and GStreamer's rtmp2sink really sent when publishing the committed clip (see
 * src/test/resources/captures/README.md) through the server session, the service accepting the publish
 * after the read that asked for it: the exact events, one per FLV tag, payloads equal to the clip's tag
 * bodies, whatever the reads look like: one byte at a time over the whole capture (so every byte boundary
 * is a read boundary), at random, in 1 KiB and 64 KiB reads, and as one read up to the publish then one
 * read of everything else.
 */
class CaptureReplayTest {

    private static final FlvFile CLIP = FlvFile.readResource("/media/testsrc-320x240-3s.flv");
    private static final Map<String, Integer> PUBLISH_ENDS = new ConcurrentHashMap<>();

    record Capture(String file, String key, String flashVer, HandshakeKind handshake, int metadataMessages) {

        byte[] bytes() {
            try (InputStream in = CaptureReplayTest.class.getResourceAsStream("/captures/" + file)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** How many bytes the client sent up to the end of its publish command. */
        int publishEnd() {
            return PUBLISH_ENDS.computeIfAbsent(file, ignored -> {
                byte[] bytes = bytes();
                RtmpServerSession session = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(1));
                for (int i = 0; i < bytes.length; i++) {
                    session.feed(ByteBuffer.wrap(bytes, i, 1));
                    if (session.drainEvents().stream().anyMatch(ServerEvent.PublishRequested.class::isInstance)) {
                        return i + 1;
                    }
                }
                throw new AssertionError(file + " never asks to publish");
            });
        }
    }

    static Stream<Capture> captures() {
        return Stream.of(
                new Capture("ffmpeg-rtmp.bin", "ffmpeg-key", "FMLE/3.0 (compatible; Lavf59.27.100)",
                        HandshakeKind.DIGEST, 1),
                new Capture("ffmpeg-rtmps.bin", "ffmpeg-tls-key", "FMLE/3.0 (compatible; Lavf59.27.100)",
                        HandshakeKind.DIGEST, 1),
                new Capture("gstreamer-rtmp.bin", "gst-key", "LNX 10,0,32,18", HandshakeKind.SIMPLE, 19),
                new Capture("gstreamer-rtmps.bin", "gst-tls-key", "LNX 10,0,32,18", HandshakeKind.SIMPLE, 19));
    }

    static Stream<Arguments> capturesAndReads() {
        return captures().flatMap(capture -> Stream.of(
                Arguments.of(capture, "in 1-byte reads"),
                Arguments.of(capture, "in random reads"),
                Arguments.of(capture, "in 1 KiB reads"),
                Arguments.of(capture, "in 64 KiB reads"),
                Arguments.of(capture, "in one read up to the publish, then one read")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("capturesAndReads")
    void replaysToTheExactEvents(Capture capture, String reads) {
        byte[] bytes = capture.bytes();
        List<Integer> cuts = switch (reads) {
            case "in 1-byte reads" -> every(1, bytes.length);
            case "in random reads" -> randomCuts(bytes.length, 500, capture.file().hashCode());
            case "in 1 KiB reads" -> every(1024, bytes.length);
            case "in 64 KiB reads" -> every(64 * 1024, bytes.length);
            default -> List.of(capture.publishEnd());
        };
        Replay replay = replay(bytes, cuts);

        List<String> expected = new ArrayList<>(List.of("Connected", "PublishRequested"));
        expected.addAll(Collections.nCopies(capture.metadataMessages(), "MetadataReceived"));
        expected.add("PublishStopped");
        List<String> nonMedia = replay.events.stream()
                .filter(event -> !(event instanceof AudioReceived || event instanceof VideoReceived))
                .map(event -> event.getClass().getSimpleName()).toList();
        assertThat(nonMedia).containsExactlyElementsOf(expected);
        assertMatchesTheClip(replay, capture);
        assertThat(replay.session.state()).isEqualTo(ServerState.CONNECTED);
        assertThat(replay.session.bytesReceived()).isEqualTo(bytes.length);
    }

    /**
     * With the whole capture in one read, the client has published and unpublished before the service
     * could decide: what was held for the decision is dropped, and the late decision finds nothing to
     * accept.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void aPublishWithdrawnInTheSameReadIsNeverAccepted(Capture capture) {
        Replay replay = replay(capture.bytes(), List.of());

        assertThat(replay.events).map(event -> event.getClass().getSimpleName())
                .containsExactly("Connected", "PublishRequested", "PublishStopped");
        assertThat(replay.session.acceptPublish()).isFalse();
        assertThat(replay.session.state()).isEqualTo(ServerState.CONNECTED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void recognisesTheClientsHandshakeAndConnect(Capture capture) {
        Replay replay = replay(capture.bytes(), every(1024, capture.bytes().length));
        assertThat(replay.session.handshakeKind()).hasValue(capture.handshake());
        ConnectRequest connect = replay.session.connectRequest().orElseThrow();
        assertThat(connect.app()).isEqualTo("live");
        assertThat(connect.flashVer()).isEqualTo(capture.flashVer());
        assertThat(connect.capabilities()).isEqualTo(EnhancedCapabilities.NONE);
        PublishRequest publish = replay.events.stream().filter(ServerEvent.PublishRequested.class::isInstance)
                .map(event -> ((ServerEvent.PublishRequested) event).request()).findFirst().orElseThrow();
        assertThat(publish.streamName()).isEqualTo(capture.key());
        assertThat(publish.type()).isEqualTo(PublishType.LIVE);
        assertThat(replay.session.state()).isEqualTo(ServerState.CONNECTED);
        assertThat(replay.session.bytesReceived()).isEqualTo(capture.bytes().length);
    }

    private static void assertMatchesTheClip(Replay replay, Capture capture) {
        List<FlvFile.Tag> video = CLIP.ofType(FlvFile.VIDEO);
        List<FlvFile.Tag> audio = CLIP.ofType(FlvFile.AUDIO);
        List<VideoReceived> videoEvents = replay.of(VideoReceived.class);
        List<AudioReceived> audioEvents = replay.of(AudioReceived.class);
        assertThat(videoEvents).hasSize(video.size());
        assertThat(audioEvents).hasSize(audio.size());
        for (int i = 0; i < video.size(); i++) {
            assertThat(videoEvents.get(i).payload()).as("%s video tag %d", capture.file(), i)
                    .isEqualTo(video.get(i).body());
            if (!isAvcEndOfSequence(video.get(i).body())) {
                assertThat(videoEvents.get(i).timestamp()).isEqualTo(video.get(i).timestamp());
            }
        }
        for (int i = 0; i < audio.size(); i++) {
            assertThat(audioEvents.get(i).payload()).as("%s audio tag %d", capture.file(), i)
                    .isEqualTo(audio.get(i).body());
            assertThat(audioEvents.get(i).timestamp()).isEqualTo(audio.get(i).timestamp());
        }
        MetadataReceived metadata = replay.of(MetadataReceived.class).getFirst();
        assertThat(metadata.metadata().number("width")).hasValue(320);
        assertThat(metadata.metadata().number("height")).hasValue(240);
        assertThat(metadata.rawPayload()).startsWith(0x02, 0x00, 0x0D, '@', 's', 'e', 't');
    }

    /** GStreamer's flvmux stamps the AVC end-of-sequence tag with the stream's end time, not the tag's own. */
    private static boolean isAvcEndOfSequence(byte[] body) {
        return body.length >= 2 && (body[0] & 0x0F) == 7 && body[1] == 2;
    }

    private static Replay replay(byte[] bytes, List<Integer> cuts) {
        RtmpServerSession session = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(1));
        Replay replay = new Replay(session);
        int from = 0;
        for (int cut : cuts) {
            replay.read(bytes, from, cut);
            from = cut;
        }
        replay.read(bytes, from, bytes.length);
        return replay;
    }

    private static final class Replay {
        final RtmpServerSession session;
        final List<ServerEvent> events = new ArrayList<>();

        Replay(RtmpServerSession session) {
            this.session = session;
        }

        void read(byte[] bytes, int from, int to) {
            session.feed(ByteBuffer.wrap(bytes, from, to - from));
            session.drainOutput();
            for (ServerEvent event : session.drainEvents()) {
                events.add(event);
                if (event instanceof ServerEvent.PublishRequested) {
                    session.acceptPublish();
                }
            }
            events.addAll(session.drainEvents());
            assertThat(session.state()).isNotEqualTo(ServerState.FAILED);
        }

        <T extends ServerEvent> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    private static List<Integer> every(int size, int length) {
        List<Integer> cuts = new ArrayList<>();
        for (int cut = size; cut < length; cut += size) {
            cuts.add(cut);
        }
        return cuts;
    }

    private static List<Integer> randomCuts(int length, int count, long seed) {
        return new SplittableRandom(seed).ints(count, 1, length).sorted().distinct().boxed().toList();
    }
}

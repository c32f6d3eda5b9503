package io.sluice.media.rtmp.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.media.rtmp.session.ServerEvent.AudioReceived;
import io.sluice.media.rtmp.session.ServerEvent.VideoReceived;
import io.sluice.media.testing.ExternalTool;
import io.sluice.media.testing.FlvFile;
import io.sluice.media.testing.Processes;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real encoders publishing to the server session over a socket: ffmpeg and GStreamer's rtmp2sink send the
 * committed clip, and the service either accepts (every tag arrives, byte for byte) or refuses (the
 * encoder fails with the message documented on {@link PublishRefusal}).
 */
class EncoderPublishTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final FlvFile CLIP = FlvFile.readResource("/media/testsrc-320x240-3s.flv");

    @Test
    void ffmpegPublishesTheClip() throws Exception {
        Path ffmpeg = ExternalTool.require("ffmpeg");
        try (SocketServer server = new SocketServer(RtmpServerConfig.DEFAULTS, accept())) {
            Processes.Result result = Processes.run(TIMEOUT, List.of(ffmpeg.toString(), "-hide_banner", "-nostdin",
                    "-i", clip(), "-c", "copy", "-f", "flv", url(server, "ffmpeg-key")));
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertReceivedTheClip(server.awaitEvents(TIMEOUT));
        }
    }

    @ParameterizedTest
    @EnumSource(PublishRefusal.class)
    void ffmpegShowsTheRefusal(PublishRefusal refusal) throws Exception {
        Processes.Result result = ffmpegAgainst(RtmpServerConfig.DEFAULTS, refuse(refusal), false);
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("] Server error: Unknown stream key.\n")
                .containsPattern("rtmp://127\\.0\\.0\\.1:\\d+/live/the-key: Operation not permitted");
    }

    @Test
    void ffmpegShowsARejectedConnect() throws Exception {
        RtmpServerConfig config = RtmpServerConfig.DEFAULTS.withApplications(Set.of("ingest"));
        Processes.Result result = ffmpegAgainst(config, accept(), false);
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("] Server error: Unknown application.\n")
                .contains("/live/the-key: Unknown error occurred");
    }

    @Test
    void ffmpegShowsWhyTheServiceEndedThePublish() throws Exception {
        Processes.Result result = ffmpegAgainst(RtmpServerConfig.DEFAULTS,
                endAfterTenFrames(session -> session.end(PublishRefusal.DENIED, "The stream key was disabled.")), true);
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("] Server error: The stream key was disabled.\n")
                .contains("av_interleaved_write_frame(): Operation not permitted");
    }

    @Test
    void ffmpegStopsWhenTheServiceEndsTheSessionQuietly() throws Exception {
        Processes.Result result = ffmpegAgainst(RtmpServerConfig.DEFAULTS,
                endAfterTenFrames(session -> session.end("Maintenance.")), true);
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).doesNotContain("Server error").contains("End of file");
    }

    @Test
    void gstreamerPublishesTheClip() throws Exception {
        Path gst = ExternalTool.require("gst-launch-1.0");
        try (SocketServer server = new SocketServer(RtmpServerConfig.DEFAULTS, accept())) {
            Processes.Result result = Processes.run(TIMEOUT, gstreamer(gst, url(server, "gst-key")));
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertReceivedTheClip(server.awaitEvents(TIMEOUT));
        }
    }

    @Test
    void gstreamerShowsTheRefusal() throws Exception {
        Path gst = ExternalTool.require("gst-launch-1.0");
        try (SocketServer server = new SocketServer(RtmpServerConfig.DEFAULTS, refuse(PublishRefusal.BAD_NAME))) {
            Processes.Result result = Processes.run(TIMEOUT, gstreamer(gst, url(server, "the-key")));
            assertThat(result.exitCode()).isNotZero();
            assertThat(result.output()).contains("Failed to connect: publish denied; stream already exists: "
                    + "{ \"level\": \"error\", \"code\": \"NetStream.Publish.BadName\", "
                    + "\"description\": \"Unknown stream key.\" }");
            server.awaitEvents(TIMEOUT);
        }
    }

    private static Processes.Result ffmpegAgainst(RtmpServerConfig config,
            BiConsumer<RtmpServerSession, ServerEvent> service, boolean realTime) throws Exception {
        Path ffmpeg = ExternalTool.require("ffmpeg");
        try (SocketServer server = new SocketServer(config, service)) {
            List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin"));
            if (realTime) {
                command.add("-re");
            }
            command.addAll(List.of("-i", clip(), "-c", "copy", "-f", "flv", url(server, "the-key")));
            Processes.Result result = Processes.run(TIMEOUT, command);
            server.awaitEvents(TIMEOUT);
            return result;
        }
    }

    private static BiConsumer<RtmpServerSession, ServerEvent> endAfterTenFrames(Consumer<RtmpServerSession> end) {
        int[] frames = {0};
        return (session, event) -> {
            if (event instanceof ServerEvent.PublishRequested) {
                session.acceptPublish();
            } else if (event instanceof VideoReceived && ++frames[0] == 10) {
                end.accept(session);
            }
        };
    }

    private static void assertReceivedTheClip(List<ServerEvent> events) {
        List<byte[]> video = events.stream().filter(VideoReceived.class::isInstance)
                .map(event -> ((VideoReceived) event).payload()).toList();
        List<byte[]> audio = events.stream().filter(AudioReceived.class::isInstance)
                .map(event -> ((AudioReceived) event).payload()).toList();
        assertThat(video).containsExactlyElementsOf(CLIP.ofType(FlvFile.VIDEO).stream().map(FlvFile.Tag::body).toList());
        assertThat(audio).containsExactlyElementsOf(CLIP.ofType(FlvFile.AUDIO).stream().map(FlvFile.Tag::body).toList());
        assertThat(events).filteredOn(ServerEvent.MetadataReceived.class::isInstance).isNotEmpty();
        assertThat(events).filteredOn(ServerEvent.PublishStopped.class::isInstance).hasSize(1);
    }

    private static List<String> gstreamer(Path gst, String url) {
        return List.of(gst.toString(), "-q", "filesrc", "location=" + clip(), "!", "flvdemux", "name=d",
                "d.video", "!", "queue", "!", "h264parse", "!", "flvmux", "name=m", "streamable=true", "!",
                "rtmp2sink", "location=" + url, "d.audio", "!", "queue", "!", "aacparse", "!", "m.");
    }

    private static BiConsumer<RtmpServerSession, ServerEvent> accept() {
        return (session, event) -> {
            if (event instanceof ServerEvent.PublishRequested) {
                session.acceptPublish();
            }
        };
    }

    private static BiConsumer<RtmpServerSession, ServerEvent> refuse(PublishRefusal refusal) {
        return (session, event) -> {
            if (event instanceof ServerEvent.PublishRequested) {
                session.refusePublish(refusal, "Unknown stream key.");
            }
        };
    }

    private static String url(SocketServer server, String key) {
        return "rtmp://127.0.0.1:" + server.port() + "/live/" + key;
    }

    private static String clip() {
        try {
            return Path.of(EncoderPublishTest.class.getResource("/media/testsrc-320x240-3s.flv").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

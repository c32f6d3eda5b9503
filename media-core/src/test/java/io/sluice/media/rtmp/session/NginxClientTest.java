package io.sluice.media.rtmp.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.media.rtmp.handshake.HandshakeKind;
import io.sluice.media.testing.ExternalTool;
import io.sluice.media.testing.FlvFile;
import io.sluice.media.testing.NginxRtmpServer;
import io.sluice.media.testing.Processes;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client session against a server not written here: nginx-rtmp records what the client publishes,
 * and ffprobe counts the same video and audio frames in the recording as in the clip.
 */
class NginxClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String CLIP_RESOURCE = "/media/testsrc-320x240-3s.flv";

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(HandshakeKind.class)
    void publishesTheClipThatNginxRecords(HandshakeKind handshake) throws Exception {
        Path ffprobe = ExternalTool.require("ffprobe");
        try (NginxRtmpServer nginx = new NginxRtmpServer(directory, "")) {
            RtmpClientConfig config = RtmpClientConfig.forUrl("rtmp://127.0.0.1:" + nginx.port() + "/live/sluice")
                    .withHandshake(handshake).withCapabilities(new EnhancedCapabilities(List.of("avc1", "mp4a"),
                            Map.of(), Map.of(), EnhancedCapabilities.CAPS_EX_RECONNECT));
            try (SocketClient client = new SocketClient("127.0.0.1", nginx.port(), config)) {
                assertThat(client.awaitPublishing()).isEqualTo(ClientState.PUBLISHING);
                assertThat(client.session().streamId()).isEqualTo(1);
                client.publish(FlvFile.readResource(CLIP_RESOURCE));
                assertThat(client.session().state()).isEqualTo(ClientState.CLOSED);
            }
            Path recording = nginx.recordings().resolve("sluice.flv");
            awaitRecordingClosed(nginx);
            assertThat(frameCounts(ffprobe, recording)).isEqualTo(frameCounts(ffprobe, clip()));
        }
    }

    @Test
    void reportsAPublishNginxDenies() throws Exception {
        try (NginxRtmpServer nginx = new NginxRtmpServer(directory, "deny publish all;")) {
            RtmpClientConfig config = RtmpClientConfig.forUrl("rtmp://127.0.0.1:" + nginx.port() + "/live/denied");
            try (SocketClient client = new SocketClient("127.0.0.1", nginx.port(), config)) {
                // nginx-rtmp answers NetStream.Publish.Start before its access check, then just closes.
                client.awaitPublishing();
                assertThat(client.awaitEnd()).isEqualTo(ClientState.FAILED);
                assertThat(client.session().failure()).get().extracting(ClientFailure::kind)
                        .isEqualTo(ClientFailure.Kind.CLOSED_BY_SERVER);
            }
            assertThat(Files.readString(nginx.errorLog())).contains("access forbidden by rule");
            Path recording = nginx.recordings().resolve("denied.flv");
            long flvHeaderOnly = 13;
            assertThat(Files.exists(recording) ? Files.size(recording) : 0).as("nothing recorded")
                    .isLessThanOrEqualTo(flvHeaderOnly);
        }
    }

    /** nginx finishes the recording when it sees the disconnect; its log says so. */
    private static void awaitRecordingClosed(NginxRtmpServer nginx) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!Files.readString(nginx.errorLog()).contains("disconnect") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static String frameCounts(Path ffprobe, Path file) {
        Processes.Result result = Processes.run(TIMEOUT, List.of(ffprobe.toString(), "-v", "error", "-count_frames",
                "-show_entries", "stream=codec_type,nb_read_frames", "-of", "csv=p=0", file.toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output().strip();
    }

    private static Path clip() throws URISyntaxException {
        return Path.of(NginxClientTest.class.getResource(CLIP_RESOURCE).toURI());
    }
}

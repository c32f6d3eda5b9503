package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.SessionEnded;
import io.sluice.testkit.ExternalTool;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A clean stop is clean for GStreamer's rtmp2sink over RTMPS: after FCUnpublish and deleteStream the ingest
 * lets it close the connection itself (within close-wait), as nginx-rtmp does, so it never sees "connection
 * closed remotely" at the end of a complete stream. Run again and again, as the failure came only sometimes.
 */
@QuarkusTest
class GStreamerCleanStopTest {

    private static final int RUNS = 5;
    /** A 3 s clip published at its real rate; the bound is for a loaded machine. */
    private static final Duration RUN_BOUND = Duration.ofSeconds(60);

    @ConfigProperty(name = "sluice.ingest.rtmps.port")
    int rtmpsPort;

    @Inject
    TestRegistry registry;

    @Test
    void rtmp2sinkOverRtmpsExitsCleanlyEveryTime() throws Exception {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        String url = "rtmps://localhost:" + rtmpsPort + "/live/" + stream.key();
        for (int run = 1; run <= RUNS; run++) {
            try (MediaLog log = new MediaLog(stream.streamId())) {
                Path output = Files.createTempFile("gst-", ".log");
                Process gst = new ProcessBuilder(List.of(ExternalTool.require("gst-launch-1.0").toString(),
                        "filesrc", "location=" + TestMedia.testsrcClip(), "!", "flvdemux", "name=d",
                        "d.video", "!", "queue", "!", "h264parse", "!", "mux.",
                        "d.audio", "!", "queue", "!", "aacparse", "!", "mux.",
                        "flvmux", "name=mux", "streamable=true", "!", "rtmp2sink", "location=" + url, "tls-validation-flags=0"))
                        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
                try {
                    assertThat(gst.waitFor(RUN_BOUND.toSeconds(), TimeUnit.SECONDS)).as("run %d ends", run).isTrue();
                    assertThat(gst.exitValue()).as("run %d: gst-launch exits cleanly:\n%s", run, read(output)).isZero();
                } finally {
                    gst.destroyForcibly();
                }
                SessionEnded ended = MediaLog.data(log.awaitSessionEnded(Duration.ofSeconds(10)).getLast(), SessionEnded.class);
                assertThat(ended.reason()).isEqualTo(EndReason.CLIENT_CLOSED);
                // The clip's 75 frames, with the sequence header and end-of-sequence messages flvmux adds.
                assertThat(ended.videoFrames()).as("run %d: the whole clip", run).isGreaterThanOrEqualTo(75);
            }
        }
    }

    private static String read(Path output) throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}

package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.data.EndReason;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.media.rtmp.session.ClientEvent;
import io.sluice.media.rtmp.session.EnhancedCapabilities;
import io.sluice.stack.Stack;
import io.sluice.stack.component.QuarkusService;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RawRtmpClient;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import io.sluice.testkit.TestStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to a packaged ingest with two live encoders: the one that announced Enhanced RTMP reconnect
 * support is asked to reconnect, the other is closed, both sessions end with reason shutdown, and the
 * process exits within its drain time.
 */
class IngestDrainIT {

    @Test
    void sigtermDrainsEverySessionWithReasonShutdown() throws Exception {
        Stack stack = TestStack.get().stack();
        QuarkusService ingest = stack.services().stream().filter(s -> s.name().equals("ingest")).findFirst().orElseThrow();
        int rtmpPort = stack.settings().port("ingest.rtmp-port");
        try (RegistryWriter registry = new RegistryWriter()) {
            RegistryWriter.TestStream modern = registry.create("acme");
            RegistryWriter.TestStream legacy = registry.create("acme");
            ingest.up();

            EnhancedCapabilities reconnectCapable = new EnhancedCapabilities(List.of(), Map.of(), Map.of(),
                    EnhancedCapabilities.CAPS_EX_RECONNECT);
            try (MediaLog modernLog = new MediaLog(modern.streamId());
                    MediaLog legacyLog = new MediaLog(legacy.streamId());
                    RawRtmpClient modernEncoder = RawRtmpClient.connect("rtmp://localhost:" + rtmpPort + "/live/" + modern.key(),
                            "127.0.0.1", reconnectCapable);
                    Ffmpeg legacyEncoder = Ffmpeg.publishLive(TestMedia.testsrcClip(),
                            "rtmp://localhost:" + rtmpPort + "/live/" + legacy.key())) {
                modernEncoder.awaitPublishing(Duration.ofSeconds(10));
                legacyLog.awaitEvent(e -> MediaLog.is(e, SessionStarted.class), Duration.ofSeconds(10));
                long pid = ingest.status().pid();

                CompletableFuture<Void> sigterm = CompletableFuture.runAsync(ingest::down);
                ClientEvent request = modernEncoder.await(e -> e instanceof ClientEvent.ReconnectRequested, Duration.ofSeconds(10));
                modernEncoder.close();
                sigterm.get(30, TimeUnit.SECONDS);

                assertThat(((ClientEvent.ReconnectRequested) request).description()).contains("shutting down");
                assertThat(ProcessHandle.of(pid)).isEmpty();
                assertThat(endReason(modernLog)).isEqualTo(EndReason.SHUTDOWN);
                assertThat(endReason(legacyLog)).isEqualTo(EndReason.SHUTDOWN);
                assertThat(legacyEncoder.awaitExit(Duration.ofSeconds(10))).as("ffmpeg was let go").isNotNegative();
            }
        } finally {
            ingest.down();
        }
    }

    private static EndReason endReason(MediaLog log) {
        return MediaLog.data(log.awaitSessionEnded(Duration.ofSeconds(20)).getLast(), SessionEnded.class).reason();
    }
}

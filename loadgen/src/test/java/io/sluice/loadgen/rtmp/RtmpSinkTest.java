package io.sluice.loadgen.rtmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The sink takes a publish and times its video frames against the publisher's sends, on one clock. */
class RtmpSinkTest {

    private static final Path CLIP = Path.of("../media-core/src/test/resources/media/testsrc-320x240-3s.flv");

    @Test
    void framesPublishedStraightToTheSinkAreAllMatchedToTheirSend() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        FrameClock clock = new FrameClock(10_000);
        Clip clip = Clip.read(CLIP);
        try (RtmpSink sink = new RtmpSink(port, clock)) {
            clock.measure(true);
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600);
            Publisher publisher = new Publisher(RtmpTarget.of("rtmp://127.0.0.1:" + port + "/t1", null, false),
                    "stream-1", 4096, clip, true, start, start + TimeUnit.SECONDS.toNanos(2), new LoadCounters(), clock);
            publisher.run();
            clock.measure(false);

            assertThat(sink.publishes()).isEqualTo(1);
            assertThat(sink.videoFrames()).isGreaterThan(10);
            FrameClock.Latencies latencies = clock.latencies();
            assertThat(latencies.unmatched()).isZero();
            assertThat(latencies.sortedNanos()).hasSize((int) sink.videoFrames());
            assertThat(latencies.millis(0.5)).isGreaterThanOrEqualTo(0).isLessThan(2000);
        }
    }
}

package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.ingest.listener.RtmpListeners;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Connections are served on the event loop their listener was started on, so the listeners must start on
 * as many event loops as there are cores, unless {@code sluice.ingest.event-loops} says otherwise; started
 * from one thread they would all share its event loop, and one core would do all the work however many
 * encoders connect. On Linux they run on epoll, with Netty's pool in chunks larger than a socket read
 * (docs/benchmarks.md says what each saves).
 */
@QuarkusTest
class ListenerSpreadTest {

    @Inject
    RtmpListeners listeners;

    @Inject
    Vertx vertx;

    @Test
    void theListenersRunOnOneEventLoopPerCore() {
        assertThat(listeners.eventLoops())
                .hasSize(Runtime.getRuntime().availableProcessors())
                .allSatisfy(name -> assertThat(name).startsWith("vert.x-eventloop-thread-"));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void onLinuxTheEventLoopsUseEpollAndReadsFitNettysChunks() {
        assertThat(vertx.isNativeTransportEnabled()).as("native transport").isTrue();
        // A chunk is 8 KiB << maxOrder; a read takes up to 64 KiB and must leave room in its chunk.
        assertThat(8192 << Integer.getInteger("io.netty.allocator.maxOrder", 0)).isGreaterThan(64 * 1024);
    }
}

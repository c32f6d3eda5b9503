package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.ingest.listener.RtmpListeners;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Connections are served on the event loop their listener was started on, so the listeners must start on
 * as many event loops as there are cores; started from one thread they would all share its event loop, and
 * one core would do all the work however many encoders connect.
 */
@QuarkusTest
class ListenerSpreadTest {

    @Inject
    RtmpListeners listeners;

    @Test
    void theListenersRunOnOneEventLoopPerCore() {
        assertThat(listeners.eventLoops())
                .hasSize(Runtime.getRuntime().availableProcessors())
                .allSatisfy(name -> assertThat(name).startsWith("vert.x-eventloop-thread-"));
    }
}

package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.sluice.ingest.listener.RtmpListeners;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code sluice.ingest.event-loops} sets how many event loops the listeners start on, instead of one per core. */
@QuarkusTest
@TestProfile(EventLoopsSettingTest.OneEventLoop.class)
class EventLoopsSettingTest {

    public static class OneEventLoop implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sluice.ingest.event-loops", "1");
        }
    }

    @Inject
    RtmpListeners listeners;

    @Test
    void theListenersStartOnTheConfiguredNumberOfEventLoops() {
        assertThat(listeners.eventLoops()).singleElement()
                .satisfies(name -> assertThat(name).startsWith("vert.x-eventloop-thread-"));
    }
}

package io.sluice.ingest.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.ingest.config.IngestConfig;
import io.sluice.ingest.support.IngestConfigs;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RTMPS only is the production default: the configuration as shipped, with nothing set over it, refuses
 * plain RTMP connects. (The test stack and the local stack turn it off, so the other tests cannot show it.)
 */
class RtmpsOnlyDefaultTest {

    @Test
    void asShippedPlainRtmpConnectsAreRefused() {
        IngestConfig shipped = IngestConfigs.shipped();

        assertThat(shipped.rtmpsOnly()).isTrue();
        assertThat(ConnectionServices.plainRtmpConfig(shipped).connectRefusal())
                .contains("accepts RTMPS only").contains("rtmps:// on port 1936");
        assertThat(ConnectionServices.rtmpConfig(shipped).connectRefusal()).as("RTMPS itself").isNull();
    }

    @Test
    void switchedOffPlainRtmpIsAccepted() {
        IngestConfig local = IngestConfigs.with(Map.of("sluice.ingest.rtmps-only", "false"));

        assertThat(ConnectionServices.plainRtmpConfig(local).connectRefusal()).isNull();
    }
}

package io.sluice.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.ConfigValidationException;
import io.sluice.ingest.support.IngestConfigs;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngestConfigBoundsTest {

    @Test
    void theDefaultsAndTheShippedConfigurationAreWithinBounds() {
        assertThat(IngestConfigBounds.problems(IngestConfigs.with(Map.of()))).isEmpty();
        assertThat(IngestConfigBounds.problems(IngestConfigs.shipped())).isEmpty();
    }

    /** Each bound at its edge: the last value inside is taken, the first outside stops the start. */
    @ParameterizedTest
    @CsvSource({
            "rtmp.port, 65535, 65536",
            "rtmp.port, 0, -1",
            "rtmps.port, 65535, 65536",
            "event-loops, 1, 0",
            "event-loops, 256, 257",
            "limits.max-connections, 1, 0",
            "limits.max-connections-per-address, 1, 0",
            "limits.max-tls-handshakes-per-address, 1, 0",
            "limits.max-message-size, 1024, 1023",
            "limits.max-message-size, 16777215, 16777216",
            "limits.max-chunk-size, 128, 127",
            "limits.max-chunk-streams, 4, 3",
            "limits.max-buffered-bytes, 65536, 65535",
            "limits.max-pending-reply-bytes, 4096, 4095",
            "limits.max-messages-per-second, 1, 0",
            "limits.max-message-burst, 1, 0",
            "limits.default-max-bitrate-kbps, 0, -1",
            "brute-force.max-failures, 1, 0",
            "kafka.max-in-flight-bytes-per-session, 1048576, 1048575",
            "kafka.max-in-flight-bytes, 16777216, 16777215",
            "stats.lost-after-intervals, 2, 1",
            "heap.loaded-sessions, 0, -1",
            "new-key-wait, 10000ms, 10001ms",
    })
    void aNumberOutsideItsBoundsStopsTheStartAndIsNamed(String setting, String inside, String outside) {
        String key = "sluice.ingest." + setting;

        assertThat(IngestConfigs.with(Map.of(key, inside))).isNotNull();
        assertThatThrownBy(() -> IngestConfigs.with(Map.of(key, outside)))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining(key + " must be")
                .hasMessageContaining("is " + outside);
    }

    @Test
    void theApplicationAndTheAdminRoleAreChecked() {
        assertThat(IngestConfigs.with(Map.of("sluice.ingest.application", "live-2.eu_west")).application())
                .isEqualTo("live-2.eu_west");
        assertThatThrownBy(() -> IngestConfigs.with(Map.of("sluice.ingest.application", "live/../x")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("sluice.ingest.application must be 1 to 64 letters");
        assertThatThrownBy(() -> IngestConfigs.with(Map.of("sluice.ingest.application", "a".repeat(65))))
                .isInstanceOf(ConfigValidationException.class);
        assertThatThrownBy(() -> IngestConfigs.with(Map.of("sluice.ingest.admin-role", " ")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("sluice.ingest.admin-role must not be blank");
    }

    @Test
    void everySettingOutOfBoundsIsNamedAtOnce() {
        assertThatThrownBy(() -> IngestConfigs.with(Map.of(
                "sluice.ingest.limits.max-connections", "0",
                "sluice.ingest.rtmps.port", "70000",
                "sluice.ingest.stats.lost-after-intervals", "1")))
                .isInstanceOfSatisfying(ConfigValidationException.class, e -> assertThat(e.getProblemCount()).isEqualTo(3))
                .hasMessageContaining("sluice.ingest.limits.max-connections must be at least 1, is 0")
                .hasMessageContaining("sluice.ingest.rtmps.port must be between 0 and 65535, is 70000")
                .hasMessageContaining("sluice.ingest.stats.lost-after-intervals must be at least 2, is 1");
    }
}

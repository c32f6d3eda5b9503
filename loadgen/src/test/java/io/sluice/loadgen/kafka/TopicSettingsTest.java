package io.sluice.loadgen.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConfigEntry.ConfigSource;
import org.junit.jupiter.api.Test;

class TopicSettingsTest {

    @Test
    void takesWhatTheTopicWasGivenAndNotTheBrokersDefaults() {
        Config described = new Config(List.of(
                entry("segment.bytes", "268435456", ConfigSource.DYNAMIC_TOPIC_CONFIG),
                entry("retention.bytes", "1073741824", ConfigSource.DYNAMIC_TOPIC_CONFIG),
                entry("retention.ms", "604800000", ConfigSource.DEFAULT_CONFIG),
                entry("max.message.bytes", "1048588", ConfigSource.STATIC_BROKER_CONFIG),
                entry("min.insync.replicas", "2", ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG)));

        assertThat(TopicSettings.ownEntries(described))
                .containsOnlyKeys("segment.bytes", "retention.bytes")
                .containsEntry("segment.bytes", "268435456")
                .containsEntry("retention.bytes", "1073741824");
    }

    private static ConfigEntry entry(String name, String value, ConfigSource source) {
        return new ConfigEntry(name, value, source, false, false, List.of(), ConfigEntry.ConfigType.UNKNOWN, null);
    }
}

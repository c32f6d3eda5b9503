package io.sluice.ingest.support;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.sluice.ingest.config.IngestConfig;
import java.time.Duration;
import java.util.Map;

/** The ingest's configuration as SmallRye builds it, without starting the application. */
public final class IngestConfigs {

    private IngestConfigs() {
    }

    /** Every default, with {@code properties} set over them; durations written as Quarkus reads them ("5s"). */
    public static IngestConfig with(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(IngestConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 400))
                .build()
                .getConfigMapping(IngestConfig.class);
    }
}

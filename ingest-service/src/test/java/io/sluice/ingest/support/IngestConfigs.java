package io.sluice.ingest.support;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.sluice.ingest.config.IngestConfig;
import io.sluice.ingest.config.IngestConfigBoundsCheck;
import io.sluice.testkit.TestStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The ingest's configuration as SmallRye builds it, bounds checked, without starting the application. */
public final class IngestConfigs {

    private IngestConfigs() {
    }

    /** Every default, with {@code properties} set over them; durations and sizes written as Quarkus reads them ("5s", "64M"). */
    public static IngestConfig with(Map<String, String> properties) {
        return builder().withSources(new PropertiesConfigSource(properties, "test", 400)).build()
                .getConfigMapping(IngestConfig.class);
    }

    /**
     * The configuration as shipped: the defaults and ingest-service's own application.properties, without
     * the overrides tests, the local stack or an environment add.
     */
    public static IngestConfig shipped() {
        Path file = TestStack.root().resolve("ingest-service/src/main/resources/application.properties");
        try {
            return builder().withSources(new PropertiesConfigSource(file.toUri().toURL(), 250)).build()
                    .getConfigMapping(IngestConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static SmallRyeConfigBuilder builder() {
        return new SmallRyeConfigBuilder().withMapping(IngestConfig.class)
                .withCustomizers(new IngestConfigBoundsCheck())
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter());
    }
}

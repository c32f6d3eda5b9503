package io.sluice.ingest.config;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/**
 * Makes SmallRye Config check {@link IngestConfigBounds} whenever it builds the configuration; Quarkus finds
 * it through {@code META-INF/services}. It is the only validator: the service has no Bean Validation, which
 * would otherwise set its own.
 */
public final class IngestConfigBoundsCheck implements SmallRyeConfigBuilderCustomizer {

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        builder.withValidator(new IngestConfigBounds());
    }
}

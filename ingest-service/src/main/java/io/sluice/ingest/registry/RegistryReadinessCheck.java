package io.sluice.ingest.registry;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the whole registry has been read, nor while its follower starts over after a failure:
 * before that, a valid key could be refused and a revoked one accepted.
 */
@Readiness
@ApplicationScoped
public class RegistryReadinessCheck implements HealthCheck {

    static final String NAME = "Stream-key registry";

    private final RegistryConsumer consumer;
    private final StreamKeyRegistry registry;

    RegistryReadinessCheck(RegistryConsumer consumer, StreamKeyRegistry registry) {
        this.consumer = consumer;
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME)
                .status(consumer.healthy())
                .withData("streams", registry.size())
                .build();
    }
}

package io.sluice.ingest.registry;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the whole registry has been read: before that, a valid key could be refused. */
@Readiness
@ApplicationScoped
public class RegistryReadinessCheck implements HealthCheck {

    private final StreamKeyRegistry registry;

    RegistryReadinessCheck(StreamKeyRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Stream-key registry")
                .status(registry.loaded())
                .withData("streams", registry.size())
                .build();
    }
}

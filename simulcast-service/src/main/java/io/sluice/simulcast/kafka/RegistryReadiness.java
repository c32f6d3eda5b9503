package io.sluice.simulcast.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the key registry is read up to where it ended at start: before that, the API would answer
 * 404 for a stream it has simply not read of yet, as it does right after a restart.
 */
@Readiness
@ApplicationScoped
public class RegistryReadiness implements HealthCheck {

    private final RegistryFollower registry;

    RegistryReadiness(RegistryFollower registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("simulcast-key-registry").status(registry.caughtUp()).build();
    }
}

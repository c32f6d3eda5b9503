package io.sluice.ingest.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the producer knows the topics sessions write to: a session sent before would fail at
 * once, since the producer never waits for metadata on an event loop.
 */
@Readiness
@ApplicationScoped
public class ProducerReadinessCheck implements HealthCheck {

    static final String NAME = "Kafka producer";

    private final EventPublisher publisher;

    ProducerReadinessCheck(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(publisher.warmedUp()).build();
    }
}

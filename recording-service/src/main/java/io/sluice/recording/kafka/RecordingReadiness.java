package io.sluice.recording.kafka;

import io.sluice.recording.objects.ObjectStore;
import io.sluice.recording.objects.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when media is being recorded: the key registry is read, the object store takes writes, and the media
 * consumer is not stopped by a failure (storage or the database away). A load balancer takes a not-ready
 * instance out of playback too, since its storage is what playback reads.
 */
@Readiness
@ApplicationScoped
public class RecordingReadiness implements HealthCheck {

    private final RegistryFollower registry;
    private final MediaConsumer media;
    private final ObjectStore store;

    RecordingReadiness(RegistryFollower registry, MediaConsumer media, ObjectStore store) {
        this.registry = registry;
        this.media = media;
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Recording").withData("storage", store.describe());
        boolean up = true;
        try {
            store.probe();
        } catch (StoreUnavailableException e) {
            response.withData("storage_error", e.getMessage());
            up = false;
        }
        if (!registry.caughtUp()) {
            response.withData("registry", "reading");
            up = false;
        }
        String failure = media.failure();
        if (failure != null) {
            response.withData("media", failure);
            up = false;
        } else if (!media.consuming()) {
            response.withData("media", "starting");
            up = false;
        }
        return response.status(up).build();
    }
}

package io.sluice.ingest.session;

import io.sluice.ingest.config.IngestConfig;
import io.sluice.ingest.metrics.IngestMetrics;
import io.sluice.ingest.registry.StreamKeyRegistry;
import io.sluice.ingest.security.BruteForceGuard;
import io.sluice.media.rtmp.session.PublishRequest;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real authorizer, with a place for a test to act between a publish's key check and what follows it
 * (the publisher's registration): a registry change run there lands exactly in the window a race would
 * need. Enabled only by the profiles that list it.
 */
@Alternative
@Singleton
public class InterleavingPublishAuthorizer extends PublishAuthorizer {

    private final Map<String, Runnable> afterDecision = new ConcurrentHashMap<>();
    private final AtomicInteger interleaved = new AtomicInteger();

    InterleavingPublishAuthorizer(StreamKeyRegistry registry, BruteForceGuard bruteForce, IngestMetrics metrics,
            IngestConfig config) {
        super(registry, bruteForce, metrics, config);
    }

    /** Runs {@code action} once, after the next accepted publish of {@code streamId} was decided and before it is answered. */
    public void afterNextAccept(String streamId, Runnable action) {
        afterDecision.put(streamId, action);
    }

    /** How many actions have run. */
    public int interleaved() {
        return interleaved.get();
    }

    @Override
    public CompletableFuture<PublishDecision> decide(PublishRequest request, String clientIp) {
        return super.decide(request, clientIp).thenApply(decision -> {
            if (decision instanceof PublishDecision.Accept accept) {
                Runnable action = afterDecision.remove(accept.entry().streamId());
                if (action != null) {
                    action.run();
                    interleaved.incrementAndGet();
                }
            }
            return decision;
        });
    }
}

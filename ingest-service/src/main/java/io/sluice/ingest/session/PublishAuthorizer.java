package io.sluice.ingest.session;

import io.sluice.events.data.StreamKeyEntry;
import io.sluice.ingest.config.IngestConfig;
import io.sluice.ingest.metrics.IngestMetrics;
import io.sluice.ingest.registry.StreamKeyRegistry;
import io.sluice.ingest.security.BruteForceGuard;
import io.sluice.media.rtmp.session.PublishRefusal;
import io.sluice.media.rtmp.session.PublishRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Decides a publish from the stream key alone: the key is the stream name (OBS "Custom" service), possibly
 * followed by a {@code ?query} some encoders append. (The application name was checked at connect, before
 * any key was sent.)
 *
 * <p>A key this instance does not hold may be on its way: auth-service answers as soon as a new or rotated
 * key is committed, and the key reaches the registry topic, and this instance, a few milliseconds later. An
 * encoder started by a script the moment the answer comes would be refused. So an unknown key waits up to
 * {@code new-key-wait} for the registry to bring it before it is refused, and only then counts against the
 * client address. A key that arrives in time is answered the moment it arrives.
 */
@ApplicationScoped
public class PublishAuthorizer {

    /** Real keys are far shorter; a longer name is refused without hashing it. */
    static final int MAX_KEY_LENGTH = 256;

    private final StreamKeyRegistry registry;
    private final BruteForceGuard bruteForce;
    private final IngestMetrics metrics;
    private final Duration newKeyWait;

    PublishAuthorizer(StreamKeyRegistry registry, BruteForceGuard bruteForce, IngestMetrics metrics, IngestConfig config) {
        this.registry = registry;
        this.bruteForce = bruteForce;
        this.metrics = metrics;
        this.newKeyWait = config.newKeyWait();
        metrics.watchAwaitedKeys(registry::awaitedKeys);
    }

    /**
     * The decision, done at once unless the key is unknown and must be waited for; the caller cancels a
     * decision it no longer needs (its connection closed), which ends the wait.
     */
    public CompletableFuture<PublishDecision> decide(PublishRequest request, String clientIp) {
        if (bruteForce.isLockedOut(clientIp)) {
            return CompletableFuture.completedFuture(new PublishDecision.Refuse(PublishRefusal.DENIED,
                    "too many failed stream key attempts from this address; try again later", "locked_out"));
        }
        Optional<String> key = key(request.streamName());
        if (key.isEmpty()) {
            return CompletableFuture.completedFuture(decide(Optional.empty(), clientIp));
        }
        Optional<StreamKeyEntry> entry = registry.lookup(key.get());
        if (entry.isPresent() || newKeyWait.isZero()) {
            return CompletableFuture.completedFuture(decide(entry, clientIp));
        }
        CompletableFuture<Optional<StreamKeyEntry>> arrival = registry.awaitKey(key.get(), newKeyWait);
        CompletableFuture<PublishDecision> decision = arrival.thenApply(arrived -> {
            metrics.keyAwaited(arrived.isPresent());
            return decide(arrived, clientIp);
        });
        decision.whenComplete((answer, error) -> {
            if (error instanceof CancellationException) {
                arrival.cancel(false);
            }
        });
        return decision;
    }

    private PublishDecision decide(Optional<StreamKeyEntry> entry, String clientIp) {
        if (entry.isEmpty()) {
            bruteForce.recordFailure(clientIp);
            return new PublishDecision.Refuse(PublishRefusal.BAD_NAME, "invalid stream key", "bad_key");
        }
        if (entry.get().status() == StreamKeyEntry.Status.DISABLED) {
            return new PublishDecision.Refuse(PublishRefusal.DENIED, "this live stream is disabled", "key_disabled");
        }
        return new PublishDecision.Accept(entry.get());
    }

    static Optional<String> key(String streamName) {
        int query = streamName.indexOf('?');
        String key = query >= 0 ? streamName.substring(0, query) : streamName;
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(key);
    }
}

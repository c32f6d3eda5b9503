package io.sluice.ingest.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sluice.ingest.config.IngestConfig;
import io.sluice.ingest.metrics.IngestMetrics;
import io.sluice.ingest.registry.StreamKeyRegistry;
import io.sluice.ingest.security.BruteForceGuard;
import io.sluice.ingest.support.IngestConfigs;
import io.sluice.media.rtmp.session.PublishRefusal;
import io.sluice.media.rtmp.session.PublishRequest;
import io.sluice.media.rtmp.session.PublishType;
import io.sluice.testkit.RegistryWriter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An unknown key waits for the registry before it is refused, and counts against the address only once
 * refused: one failure locks an address out here, so a failure counted too soon would show at once.
 */
class PublishAuthorizerTest {

    private static final String CLIENT = "198.51.100.7";
    private static final long JOIN_SECONDS = 30;

    private final StreamKeyRegistry registry = new StreamKeyRegistry();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aKnownKeyIsDecidedAtOnce() {
        RegistryWriter.TestStream stream = RegistryWriter.unwritten("acme", 60);
        registry.apply(stream.entry());

        CompletableFuture<PublishDecision> decision = authorizer("10s").decide(publish(stream.key()), CLIENT);

        assertThat(decision).isCompletedWithValue(new PublishDecision.Accept(stream.entry()));
    }

    @Test
    void aKeyThatArrivesDuringTheWaitIsAcceptedAndCountsNoFailure() throws Exception {
        IngestConfig config = config("10s");
        BruteForceGuard guard = new BruteForceGuard(config);
        RegistryWriter.TestStream stream = RegistryWriter.unwritten("acme", 60);

        CompletableFuture<PublishDecision> decision = authorizer(config, guard).decide(publish(stream.key()), CLIENT);
        assertThat(decision).isNotDone();
        registry.apply(stream.entry());

        assertThat(decision.get(JOIN_SECONDS, TimeUnit.SECONDS)).isEqualTo(new PublishDecision.Accept(stream.entry()));
        assertThat(guard.isLockedOut(CLIENT)).isFalse();
        assertThat(meters.counter("sluice.ingest.publish.key.waits", "outcome", "arrived").count()).isEqualTo(1);
    }

    @Test
    void aKeyThatNeverComesIsRefusedOnceTheWaitIsOverAndOnlyThenCounted() throws Exception {
        IngestConfig config = config("2s");
        BruteForceGuard guard = new BruteForceGuard(config);

        CompletableFuture<PublishDecision> decision = authorizer(config, guard).decide(publish(RegistryWriter.newKey()), CLIENT);
        // The lockout is read before the decision: locked out while the decision is still open means counted
        // during the wait. A machine too slow to get here within the wait makes this check say nothing, not fail.
        boolean lockedOut = guard.isLockedOut(CLIENT);
        assertThat(lockedOut && !decision.isDone()).as("counted before the wait was over").isFalse();

        PublishDecision.Refuse refusal = (PublishDecision.Refuse) decision.get(JOIN_SECONDS, TimeUnit.SECONDS);
        assertThat(refusal.refusal()).isEqualTo(PublishRefusal.BAD_NAME);
        assertThat(refusal.metricReason()).isEqualTo("bad_key");
        assertThat(guard.isLockedOut(CLIENT)).isTrue();
        assertThat(meters.counter("sluice.ingest.publish.key.waits", "outcome", "not_arrived").count()).isEqualTo(1);
    }

    @Test
    void aDecisionCancelledByItsClosedConnectionEndsTheWaitAndCountsNothing() {
        IngestConfig config = config("10s");
        BruteForceGuard guard = new BruteForceGuard(config);

        CompletableFuture<PublishDecision> decision = authorizer(config, guard).decide(publish(RegistryWriter.newKey()), CLIENT);
        assertThat(registry.awaitedKeys()).isEqualTo(1);
        decision.cancel(false);

        assertThat(registry.awaitedKeys()).isZero();
        assertThat(guard.isLockedOut(CLIENT)).isFalse();
    }

    @Test
    void withNoWaitAnUnknownKeyIsRefusedAtOnce() {
        IngestConfig config = config("0s");
        BruteForceGuard guard = new BruteForceGuard(config);

        CompletableFuture<PublishDecision> decision = authorizer(config, guard).decide(publish(RegistryWriter.newKey()), CLIENT);

        assertThat(decision).isDone();
        assertThat(decision.join()).isInstanceOf(PublishDecision.Refuse.class);
        assertThat(guard.isLockedOut(CLIENT)).isTrue();
    }

    @Test
    void aLockedOutAddressIsRefusedWithoutWaiting() {
        IngestConfig config = config("10s");
        BruteForceGuard guard = new BruteForceGuard(config);
        guard.recordFailure(CLIENT);

        CompletableFuture<PublishDecision> decision = authorizer(config, guard).decide(publish(RegistryWriter.newKey()), CLIENT);

        assertThat(decision).isDone();
        assertThat(((PublishDecision.Refuse) decision.join()).metricReason()).isEqualTo("locked_out");
        assertThat(registry.awaitedKeys()).isZero();
    }

    private PublishAuthorizer authorizer(String newKeyWait) {
        IngestConfig config = config(newKeyWait);
        return authorizer(config, new BruteForceGuard(config));
    }

    private PublishAuthorizer authorizer(IngestConfig config, BruteForceGuard guard) {
        return new PublishAuthorizer(registry, guard, new IngestMetrics(meters), config);
    }

    private static IngestConfig config(String newKeyWait) {
        return IngestConfigs.with(Map.of("sluice.ingest.new-key-wait", newKeyWait, "sluice.ingest.brute-force.max-failures", "1"));
    }

    private static PublishRequest publish(String key) {
        return new PublishRequest("live", key, PublishType.LIVE, 1, "rtmp://localhost/live");
    }
}

package io.sluice.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.sluice.events.EventType;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Every metric the ingest exposes at {@code /q/metrics}, created once here so names and tags stay stable.
 * Tags have a small, fixed set of values (protocol, reason, media type), never a stream id or address.
 */
@Singleton
public class IngestMetrics {

    /**
     * Bucket bounds every quarter of a millisecond from 1 to 20 ms, besides Micrometer's own (some 10 % apart):
     * where the acknowledgement's median and its 99th percentile lie, so both read to within 0.25 ms. Above
     * 10 ms Micrometer's buckets alone are 1.4 ms wide, too coarse to hold a p99 to 1.5 times Kafka's own.
     * Percentiles come from the buckets (PromQL's {@code histogram_quantile}); computing them in the process
     * as well cost a record into three more histograms on Kafka's thread for every message.
     */
    static final Duration[] FINE_ACK_BUCKETS = fineAckBuckets();

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> openConnections = new ConcurrentHashMap<>();
    private final AtomicInteger liveSessions = new AtomicInteger();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    // Added to on every socket read and every media message, from every event loop: striped adders the
    // registry reads when scraped. A registry counter there cost a map lookup, a lambda and the composite
    // registry's fan-out per call.
    private final Map<String, LongAdder> bytesInByProtocol = new ConcurrentHashMap<>();
    private final LongAdder[] messagesInByType = new LongAdder[EventType.values().length];
    private final Timer ackLatency;
    private final DistributionSummary pausedFor;
    private final Counter sessionsStarted;
    private final Counter malformedRegistryRecords;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("sluice.ingest.sessions.live", liveSessions);
        this.sessionsStarted = Counter.builder("sluice.ingest.sessions.started").register(registry);
        this.malformedRegistryRecords = Counter.builder("sluice.ingest.registry.malformed")
                .description("Records of the key registry topic that are no valid registry event; skipped")
                .register(registry);
        this.ackLatency = Timer.builder("sluice.ingest.kafka.ack.latency")
                .description("From reading a media message off the socket to Kafka acknowledging it")
                .publishPercentileHistogram()
                .serviceLevelObjectives(FINE_ACK_BUCKETS)
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        for (EventType type : EventType.values()) {
            if (type.isMedia()) {
                messagesInByType[type.ordinal()] = countedWhenScraped("sluice.ingest.messages.in", "type", type.typeName());
            }
        }
        this.pausedFor = DistributionSummary.builder("sluice.ingest.backpressure.pause.seconds")
                .description("How long a socket stayed paused because Kafka had not acknowledged enough")
                .baseUnit("seconds")
                .register(registry);
    }

    /** Bytes handed to Kafka and not yet acknowledged, by all sessions: bounded by the in-flight budget. */
    public void watchInFlight(Supplier<Number> inFlightBytes) {
        Gauge.builder("sluice.ingest.kafka.inflight.bytes", inFlightBytes)
                .description("Media bytes sent to Kafka and not yet acknowledged")
                .baseUnit("bytes")
                .register(registry);
    }

    /** The memory budget every connection draws on, and how much of it is taken. */
    public void watchMemoryBudget(Supplier<Number> usedBytes, long capacityBytes) {
        Gauge.builder("sluice.ingest.memory.budget.used.bytes", usedBytes)
                .description("Bytes held by all connections: incomplete messages, media held during the key check, unread replies")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder("sluice.ingest.memory.budget.capacity.bytes", () -> capacityBytes)
                .description("The memory budget of all connections together (sluice.ingest.limits.memory-budget)")
                .baseUnit("bytes")
                .register(registry);
    }

    /** Publishes whose key this instance does not hold yet, waiting for the registry to bring it. */
    public void watchAwaitedKeys(Supplier<Number> waiting) {
        Gauge.builder("sluice.ingest.publish.awaiting.key", waiting)
                .description("Publishes waiting for their key to reach this instance (sluice.ingest.new-key-wait)")
                .register(registry);
    }

    /** A publish waited for its key: it arrived in time, or the publish was refused as a bad key. */
    public void keyAwaited(boolean arrived) {
        counter("sluice.ingest.publish.key.waits", "outcome", arrived ? "arrived" : "not_arrived").increment();
    }

    public void connectionOpened(String protocol) {
        counter("sluice.ingest.connections", "protocol", protocol).increment();
        openConnections.computeIfAbsent(protocol, p -> registry.gauge("sluice.ingest.connections.open",
                Tags.of("protocol", p), new AtomicInteger())).incrementAndGet();
    }

    public void connectionClosed(String protocol) {
        AtomicInteger open = openConnections.get(protocol);
        if (open != null) {
            open.decrementAndGet();
        }
    }

    /** Sessions live on this instance now. */
    public int liveSessions() {
        return liveSessions.get();
    }

    public void sessionStarted() {
        liveSessions.incrementAndGet();
        sessionsStarted.increment();
    }

    public void sessionEnded(String reason) {
        liveSessions.decrementAndGet();
        counter("sluice.ingest.sessions.ended", "reason", reason).increment();
    }

    /** A connection or publish turned away; {@code reason} is one of a fixed set (bad_key, locked_out, ...). */
    public void refused(String reason) {
        counter("sluice.ingest.refusals", "reason", reason).increment();
    }

    /**
     * The count of bytes read over {@code protocol}: a connection takes it once and adds every read to it,
     * with no look-up per read.
     */
    public LongAdder bytesIn(String protocol) {
        return bytesInByProtocol.computeIfAbsent(protocol, p -> countedWhenScraped("sluice.ingest.bytes.in", "protocol", p));
    }

    /** One media message of {@code type} read off a socket. */
    public void messageIn(EventType type) {
        messagesInByType[type.ordinal()].increment();
    }

    public void ackLatency(long nanos) {
        ackLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Reading of a socket paused; {@code cause} is {@code kafka} (not acknowledged) or {@code replies} (not read). */
    public void backpressurePaused(String cause) {
        counter("sluice.ingest.backpressure.pauses", "cause", cause).increment();
    }

    public void backpressureResumed(long pausedNanos) {
        pausedFor.record(pausedNanos / 1e9);
    }

    /** A record Kafka did not take; {@code topic} is the topic it was for. */
    public void produceFailed(String topic) {
        counter("sluice.ingest.kafka.produce.failures", "topic", topic).increment();
    }

    public void malformedRegistryRecord() {
        malformedRegistryRecords.increment();
    }

    /**
     * How often a topic follower ({@code ingest-registry}, ...) failed and started over with a new consumer;
     * registered when the follower is made, so the series is there (at 0) before the first failure.
     */
    public Counter followerRestarts(String follower) {
        return counter("sluice.ingest.follower.restarts", "follower", follower);
    }

    private static Duration[] fineAckBuckets() {
        Duration[] bounds = new Duration[77];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = Duration.ofNanos(1_000_000 + 250_000L * i);
        }
        return bounds;
    }

    /**
     * A counter whose value is the adder's, read by the registry when scraped. The registry holds the adder
     * weakly: the fields of this class keep it.
     */
    private LongAdder countedWhenScraped(String name, String tag, String value) {
        LongAdder adder = new LongAdder();
        FunctionCounter.builder(name, adder, LongAdder::doubleValue).tag(tag, value).register(registry);
        return adder;
    }

    private Counter counter(String name, String tag, String value) {
        return counters.computeIfAbsent(name + '|' + tag + '|' + value,
                k -> Counter.builder(name).tag(tag, value).register(registry));
    }
}

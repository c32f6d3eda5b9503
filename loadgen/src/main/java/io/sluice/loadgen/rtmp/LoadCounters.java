package io.sluice.loadgen.rtmp;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** What every publisher of a run adds up to, read while they run. */
public final class LoadCounters {

    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder mediaBytesSent = new LongAdder();
    private final LongAdder messagesSent = new LongAdder();
    private final AtomicInteger publishing = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final LongAccumulator maxLateNanos = new LongAccumulator(Math::max, 0);
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Set<String> tlsParameters = ConcurrentHashMap.newKeySet();

    void sent(long wireBytes) {
        bytesSent.add(wireBytes);
    }

    void sentMessage(int bodyBytes) {
        messagesSent.increment();
        mediaBytesSent.add(bodyBytes);
    }

    void late(long nanos) {
        maxLateNanos.accumulate(nanos);
    }

    /** The TLS version and cipher suite a connection negotiated. */
    void negotiated(String protocolAndSuite) {
        tlsParameters.add(protocolAndSuite);
    }

    void startedPublishing() {
        publishing.incrementAndGet();
    }

    void stoppedPublishing() {
        publishing.decrementAndGet();
    }

    /** A publisher gave up; {@code reason} is what the server said or what failed, never a stream key. */
    void failed(String reason) {
        failed.incrementAndGet();
        failures.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet();
    }

    /** The counts now. */
    public Snapshot snapshot() {
        Map<String, Integer> reasons = new TreeMap<>();
        failures.forEach((reason, count) -> reasons.put(reason, count.get()));
        return new Snapshot(System.nanoTime(), bytesSent.sum(), mediaBytesSent.sum(), messagesSent.sum(),
                publishing.get(), failed.get(), maxLateNanos.get(), reasons, new TreeSet<>(tlsParameters));
    }

    /**
     * @param bytesSent      bytes written to the servers, chunk headers and handshakes included
     * @param mediaBytesSent FLV tag bodies sent
     * @param maxLateNanos   how far behind its schedule a real-time publisher has been at most
     * @param tlsParameters  the TLS versions and cipher suites negotiated, empty over plain RTMP
     */
    public record Snapshot(long nanos, long bytesSent, long mediaBytesSent, long messagesSent, int publishing,
            int failed, long maxLateNanos, Map<String, Integer> failures, Set<String> tlsParameters) {
    }
}

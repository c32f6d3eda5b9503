package io.sluice.ingest.heap;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sluice.ingest.config.IngestConfig;
import io.sluice.ingest.metrics.IngestMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sizes the heap's young generation for what the instance carries. An idle instance wants it small: every
 * byte of it is resident (the start alone fills it), and the services start with a 5 MB one for that. A
 * hundred live streams allocate some 70 MB a second, mostly the payload arrays Kafka's producer takes, and on
 * 4 MB of eden that is twenty collections a second, each with a fixed cost (the JVM's weak tables, the old
 * generation's cards): a tenth of the instance's processor. The serial collector keeps the young generation's
 * size until a full collection, which a steady load never brings.
 *
 * <p>So once {@code loaded-sessions} sessions have been live for {@code settle}, the old generation is given
 * room ({@link #LOADED}: three quarters free after a collection) and one full collection resizes both: the
 * young generation becomes a quarter of the old one ({@code -XX:NewRatio=4}), about as large as what is live.
 * Once no session has been live for {@code idle-after}, the JVM's own bounds are put back and one more
 * collection shrinks the heap again. Each change costs one full collection, a pause of some tens of
 * milliseconds, on a thread of its own; the phases' hysteresis keeps them rare. With any other collector
 * this does nothing.
 */
@ApplicationScoped
public class HeapForLoad {

    private static final Logger LOG = Logger.getLogger(HeapForLoad.class);
    /** The old generation's free space after a collection while loaded: three to four times what is live. */
    static final SerialHeap.FreeRatios LOADED = new SerialHeap.FreeRatios(75, 80);
    private static final long CHECK_EVERY_SECONDS = 5;

    private final IngestConfig.Heap config;
    private final IngestMetrics metrics;
    private ScheduledExecutorService checks;
    private SerialHeap heap;
    private SerialHeap.FreeRatios idle;
    private LoadPhase phase;

    HeapForLoad(IngestConfig config, IngestMetrics metrics) {
        this.config = config.heap();
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        Optional<SerialHeap> serial = SerialHeap.ofThisJvm();
        if (config.loadedSessions() == 0 || serial.isEmpty()) {
            return;
        }
        heap = serial.get();
        idle = heap.freeRatios();
        phase = new LoadPhase(config.loadedSessions(), config.settle(), config.idleAfter());
        checks = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ingest-heap").daemon().factory());
        checks.scheduleWithFixedDelay(this::check, CHECK_EVERY_SECONDS, CHECK_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (checks != null) {
            checks.shutdownNow();
        }
    }

    private void check() {
        try {
            int live = metrics.liveSessions();
            phase.observe(System.nanoTime(), live).ifPresent(change -> resize(change, live));
        } catch (RuntimeException e) {
            // A JVM that refuses the flags leaves the heap as it is; the check must not die with it.
            LOG.warnf("cannot size the heap for the load: %s", e.toString());
        }
    }

    private void resize(LoadPhase.Change change, int live) {
        boolean toLoad = change == LoadPhase.Change.TO_LOADED;
        long before = heap.youngCommittedBytes();
        long started = System.nanoTime();
        heap.resize(toLoad ? LOADED : idle);
        LOG.infof("heap sized for %s (%d live sessions): young generation %.1f MB -> %.1f MB, one full collection of %d ms",
                toLoad ? "load" : "an idle instance", live, before / 1e6,
                heap.youngCommittedBytes() / 1e6, (System.nanoTime() - started) / 1_000_000);
    }
}

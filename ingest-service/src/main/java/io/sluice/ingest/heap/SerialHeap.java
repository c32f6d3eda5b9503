package io.sluice.ingest.heap;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The serial collector's heap, steered the only way a running JVM allows. Its young generation keeps the size
 * it was given until a full collection, which then sizes it to a fraction of the old generation
 * ({@code -XX:NewRatio}); the old generation's own size after that collection follows the free-space bounds
 * {@code MinHeapFreeRatio} and {@code MaxHeapFreeRatio}, which are the two sizing flags the JVM lets a
 * running process change. So setting them and collecting once resizes both generations.
 */
final class SerialHeap {

    private static final Set<String> SERIAL_COLLECTORS = Set.of("Copy", "MarkSweepCompact");

    private final HotSpotDiagnosticMXBean flags;
    private final List<MemoryPoolMXBean> youngPools;

    private SerialHeap(HotSpotDiagnosticMXBean flags, List<MemoryPoolMXBean> youngPools) {
        this.flags = flags;
        this.youngPools = youngPools;
    }

    /** This JVM's heap, when it runs the serial collector; other collectors size their generations themselves. */
    static Optional<SerialHeap> ofThisJvm() {
        Set<String> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.toSet());
        if (!collectors.equals(SERIAL_COLLECTORS)) {
            return Optional.empty();
        }
        List<MemoryPoolMXBean> young = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .filter(pool -> pool.getName().equals("Eden Space") || pool.getName().equals("Survivor Space"))
                .toList();
        return Optional.of(new SerialHeap(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class), young));
    }

    /** The young generation's committed bytes: eden and a survivor space. */
    long youngCommittedBytes() {
        return youngPools.stream().mapToLong(pool -> pool.getUsage().getCommitted()).sum();
    }

    FreeRatios freeRatios() {
        return new FreeRatios(flag("MinHeapFreeRatio"), flag("MaxHeapFreeRatio"));
    }

    /** Sets the old generation's free-space bounds and collects once, so both generations take their new size. */
    void resize(FreeRatios ratios) {
        // The JVM refuses a minimum above the current maximum, and a maximum below the current minimum.
        if (ratios.min() > flag("MaxHeapFreeRatio")) {
            setFlag("MaxHeapFreeRatio", ratios.max());
            setFlag("MinHeapFreeRatio", ratios.min());
        } else {
            setFlag("MinHeapFreeRatio", ratios.min());
            setFlag("MaxHeapFreeRatio", ratios.max());
        }
        System.gc();
    }

    private int flag(String name) {
        return Integer.parseInt(flags.getVMOption(name).getValue());
    }

    private void setFlag(String name, int value) {
        flags.setVMOption(name, Integer.toString(value));
    }

    /** The old generation's bounds on free space after a full collection, in percent of its size. */
    record FreeRatios(int min, int max) {

        FreeRatios {
            if (min < 0 || max > 100 || min > max) {
                throw new IllegalArgumentException("free ratios must be 0 <= min <= max <= 100, not " + min + " and " + max);
            }
        }
    }
}

package io.sluice.ingest.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import jakarta.inject.Singleton;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JVM's metrics, in place of Quarkus's JVM binder (off: {@code quarkus.micrometer.binder.jvm}). That one
 * listens to the JVM's notification of every garbage collection (for {@code jvm_gc_pause} and the heap
 * pressure gauges), and building each notification cost the ingest 3 % of its processor time under a
 * hundred streams, which collect some twenty times a second. Here collections are counted and timed from
 * the collectors' own totals when Prometheus reads them: {@code jvm_gc_collections_total{gc}} and
 * {@code jvm_gc_collection_seconds_total{gc}}. Memory pools, buffers, threads and classes are the usual
 * binders' ({@code jvm_memory_*}, {@code jvm_buffer_*}, {@code jvm_threads_*}, {@code jvm_classes_*}).
 */
@Singleton
public class JvmMeters implements MeterBinder {

    @Override
    public void bindTo(MeterRegistry registry) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            FunctionCounter.builder("jvm.gc.collections", collector, GarbageCollectorMXBean::getCollectionCount)
                    .tag("gc", collector.getName())
                    .description("Garbage collections since the start")
                    .register(registry);
            FunctionCounter.builder("jvm.gc.collection", collector, c -> c.getCollectionTime() / 1e3)
                    .tag("gc", collector.getName())
                    .baseUnit("seconds")
                    .description("Time spent in garbage collections since the start (pauses, for the serial collector)")
                    .register(registry);
        }
    }
}

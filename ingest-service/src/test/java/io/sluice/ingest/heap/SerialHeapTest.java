package io.sluice.ingest.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.Reference;
import org.junit.jupiter.api.Test;

/**
 * The heap sizing on the serial collector with the services' heap options: the surefire execution
 * {@code serial-collector} runs this class alone in a JVM started with them.
 */
class SerialHeapTest {

    /** What an instance under load keeps live: the producer's pooled batches, its sessions' state. */
    private static final int LIVE_BYTES = 24 << 20;

    @Test
    void theLoadedBoundsGrowTheYoungGenerationAndTheJvmsOwnShrinkItBack() {
        SerialHeap heap = SerialHeap.ofThisJvm()
                .orElseThrow(() -> new AssertionError("not the serial collector: run by the surefire execution serial-collector"));
        SerialHeap.FreeRatios own = heap.freeRatios();
        byte[][] live = new byte[LIVE_BYTES >> 20][];
        for (int i = 0; i < live.length; i++) {
            live[i] = new byte[1 << 20];
        }
        heap.resize(own);
        long idle = heap.youngCommittedBytes();

        heap.resize(HeapForLoad.LOADED);
        long loaded = heap.youngCommittedBytes();
        assertThat(heap.freeRatios()).isEqualTo(HeapForLoad.LOADED);

        heap.resize(own);
        long idleAgain = heap.youngCommittedBytes();
        assertThat(heap.freeRatios()).isEqualTo(own);
        Reference.reachabilityFence(live);

        assertThat(loaded).as("young generation under the loaded bounds, against %d bytes before", idle)
                .isGreaterThanOrEqualTo(2 * idle).isGreaterThanOrEqualTo(LIVE_BYTES);
        assertThat(idleAgain).as("young generation back under the JVM's own bounds").isLessThanOrEqualTo(loaded / 2);
    }

    @Test
    void theSerialCollectorIsRecognised() {
        assertThat(SerialHeap.ofThisJvm()).isPresent();
    }
}

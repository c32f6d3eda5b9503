package io.sluice.recording.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The highest contiguous durable offset of a partition, whatever order its streams become durable in. */
class PartitionLedgerTest {

    @Test
    void onlyTheDurableRunFromTheHeadIsCommitted() {
        PartitionLedger ledger = new PartitionLedger();
        AtomicBoolean streamA = new AtomicBoolean();
        AtomicBoolean streamB = new AtomicBoolean();
        ledger.taken(10, null, streamA::get);
        ledger.done(11);
        ledger.taken(12, null, streamB::get);
        ledger.done(13);

        assertThat(ledger.advance()).isEmpty();
        assertThat(ledger.firstPending()).hasValue(10);

        streamB.set(true);
        assertThat(ledger.advance()).as("stream B is stored, but A still holds the head").isEmpty();

        streamA.set(true);
        assertThat(ledger.advance()).hasValue(14);
        assertThat(ledger.size()).isZero();
        assertThat(ledger.advance()).isEmpty();
    }

    @Test
    void skippedRecordsAloneMoveTheCommit() {
        PartitionLedger ledger = new PartitionLedger();
        ledger.done(0);
        ledger.done(1);

        assertThat(ledger.advance()).hasValue(2);
        assertThat(ledger.firstPending()).isEmpty();
    }
}

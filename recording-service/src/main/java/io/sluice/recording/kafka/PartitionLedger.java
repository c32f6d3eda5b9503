package io.sluice.recording.kafka;

import io.sluice.recording.domain.StreamRecorder;
import java.util.ArrayDeque;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * The records of one partition read but not yet committed, in offset order, and the highest offset that may be
 * committed: the end of the longest run from the head in which every record is durable. A record is durable when
 * it was skipped, or when the recorder it went into has stored it (its part, or the end of its session, is
 * committed). One stream that holds frames back holds the run back only until its idle flush.
 */
final class PartitionLedger {

    /** One record; {@code holder} is the recorder it went into, null for one done when it was read. */
    private record Entry(long offset, StreamRecorder holder, BooleanSupplier durable) {
    }

    private static final BooleanSupplier DONE = () -> true;

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long committable = -1;

    /** A record that needs nothing stored: skipped, ignored, or applied at once. */
    void done(long offset) {
        entries.add(new Entry(offset, null, DONE));
    }

    /** A record taken into {@code holder}: durable once {@code durable} says so. */
    void taken(long offset, StreamRecorder holder, BooleanSupplier durable) {
        entries.add(new Entry(offset, holder, durable));
    }

    /** Drops the durable run from the head; returns the offset to commit (the next one to read) if it moved. */
    OptionalLong advance() {
        long before = committable;
        while (!entries.isEmpty() && entries.peekFirst().durable().getAsBoolean()) {
            committable = entries.pollFirst().offset() + 1;
        }
        return committable > before ? OptionalLong.of(committable) : OptionalLong.empty();
    }

    /** The offset to commit as of the last {@link #advance}, whether it moved or not; empty before any. */
    OptionalLong committable() {
        return committable < 0 ? OptionalLong.empty() : OptionalLong.of(committable);
    }

    /** The recorder whose record holds the run back, if one does. */
    StreamRecorder holder() {
        Entry head = entries.peekFirst();
        return head == null ? null : head.holder();
    }

    /** The offset of the first record not durable yet, where reading starts again after a failure. */
    OptionalLong firstPending() {
        Entry head = entries.peekFirst();
        return head == null ? OptionalLong.empty() : OptionalLong.of(head.offset());
    }

    int size() {
        return entries.size();
    }

    void clear() {
        entries.clear();
    }
}

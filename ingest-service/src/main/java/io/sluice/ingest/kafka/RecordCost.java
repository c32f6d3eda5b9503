package io.sluice.ingest.kafka;

import io.sluice.events.kafka.SessionMediaRecords;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What one record holds of memory from the moment it is sent until Kafka acknowledges it: the record as the
 * producer lays it into its batch (key, value, every header, the varint framing) plus the objects the
 * producer keeps for it on the heap. The in-flight budgets count this, not the payload alone: an empty
 * audio message carries a few hundred bytes of {@code ce_*} headers, and a flood of them must fill the
 * budget like the media it pretends to be.
 */
public final class RecordCost {

    /**
     * The heap kept per record until its acknowledgement, beyond the serialized bytes: the producer's future
     * and thunk for it in the batch, the interceptor's callback wrapper and the session's callback, about
     * 150 bytes with compressed headers as their layouts add up, rounded up.
     */
    static final int PER_RECORD_OBJECTS = 256;

    private RecordCost() {
    }

    /**
     * The cost of {@code record}, made by {@code records}. Their size comes from the session's records, which
     * know the parts that stay the same for the session: measuring the UTF-8 of the key and of ten header names
     * for every message took as long as the producer's own sizing of the record.
     */
    public static long of(SessionMediaRecords records, ProducerRecord<String, byte[]> record) {
        return records.sizeInBytes(record) + PER_RECORD_OBJECTS;
    }
}

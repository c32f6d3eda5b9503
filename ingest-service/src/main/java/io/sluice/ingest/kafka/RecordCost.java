package io.sluice.ingest.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.DefaultRecord;
import org.apache.kafka.common.utils.Utils;

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

    public static long of(ProducerRecord<String, byte[]> record) {
        int keySize = record.key() == null ? -1 : Utils.utf8Length(record.key());
        int valueSize = record.value() == null ? -1 : record.value().length;
        return DefaultRecord.sizeInBytes(0, 0L, keySize, valueSize, record.headers().toArray()) + PER_RECORD_OBJECTS;
    }
}

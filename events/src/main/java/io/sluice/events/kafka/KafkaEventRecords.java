package io.sluice.events.kafka;

import io.sluice.events.EventHeader;
import io.sluice.events.EventRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/** The contract's {@link EventRecord} to and from Kafka's record types: key, value and headers unchanged. */
public final class KafkaEventRecords {

    private KafkaEventRecords() {
    }

    public static EventRecord fromConsumerRecord(ConsumerRecord<String, byte[]> record) {
        List<EventHeader> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new EventHeader(header.key(), header.value() == null ? new byte[0] : header.value()));
        }
        return new EventRecord(record.key(), record.value(), headers);
    }

    /** A record for {@code topic}, partitioned by its key (the stream id). */
    public static ProducerRecord<String, byte[]> toProducerRecord(String topic, EventRecord record) {
        List<Header> headers = new ArrayList<>(record.headers().size());
        for (EventHeader header : record.headers()) {
            headers.add(new RecordHeader(header.key(), header.value()));
        }
        return new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
    }
}

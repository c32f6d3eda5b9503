package io.sluice.events;

import java.util.List;
import java.util.Optional;

/**
 * An event as a Kafka record: key (the stream id), value and headers. A {@code null} value is a tombstone
 * on a compacted topic.
 */
public record EventRecord(String key, byte[] value, List<EventHeader> headers) {

    public EventRecord {
        headers = List.copyOf(headers);
    }

    public Optional<String> header(String name) {
        for (EventHeader header : headers) {
            if (header.key().equalsIgnoreCase(name)) {
                return Optional.of(header.text());
            }
        }
        return Optional.empty();
    }
}

package io.sluice.events;

import io.sluice.events.data.EventData;
import java.util.Objects;

/** A control event in structured content mode: the whole CloudEvent as one JSON document. */
public record StructuredEvent(EventEnvelope envelope, EventData data) {

    public StructuredEvent {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(data, "data");
        if (envelope.type() != data.type()) {
            throw new IllegalArgumentException("envelope says " + envelope.type() + ", data is " + data.type());
        }
        if (!envelope.subject().equals(data.streamId())) {
            throw new IllegalArgumentException("subject " + envelope.subject() + " is not the data's stream " + data.streamId());
        }
    }

    public static StructuredEvent of(java.net.URI source, EventData data, java.time.Instant time) {
        return new StructuredEvent(EventEnvelope.create(source, data.type(), data.streamId(), time), data);
    }
}

package io.sluice.media.event;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The CloudEvents 1.0 context attributes every event carries.
 *
 * @param id unique per event; consumers use it to drop redeliveries
 * @param source who produced it, such as {@code /sluice/ingest/ingest-1}
 * @param subject the stream id, also the Kafka record key
 */
public record EventEnvelope(String id, URI source, EventType type, String subject, Instant time) {

    public static final String SPEC_VERSION = "1.0";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
    }

    public static EventEnvelope create(URI source, EventType type, String streamId, Instant time) {
        return new EventEnvelope(UUID.randomUUID().toString(), source, type, streamId, time);
    }
}

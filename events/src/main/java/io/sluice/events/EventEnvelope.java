package io.sluice.events;

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

    /**
     * The envelope of one media message. Its id is the session id and the message's sequence number:
     * unique for the source as CloudEvents asks, the same if the message is ever sent twice (so a consumer
     * can drop the copy), and made without a random number per message on the ingest hot path.
     */
    public static EventEnvelope forMediaMessage(URI source, EventType type, String streamId, String sessionId, long sequence,
            Instant time) {
        return new EventEnvelope(mediaMessageId(sessionId, sequence), source, type, streamId, time);
    }

    /** A media message's id: its session and its number in the session, unique without a random part. */
    public static String mediaMessageId(String sessionId, long sequence) {
        return sessionId + '-' + sequence;
    }
}

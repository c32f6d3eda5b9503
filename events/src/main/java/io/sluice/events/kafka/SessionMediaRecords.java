package io.sluice.events.kafka;

import io.sluice.events.EventCodec;
import io.sluice.events.EventEnvelope;
import io.sluice.events.EventType;
import io.sluice.events.Topics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.ByteUtils;

/**
 * The media log's records of one session, the same as {@link EventCodec#encode(io.sluice.events.MediaEvent)}
 * and {@link KafkaEventRecords#toProducerRecord} make them (the same headers, in the same order, with the
 * same bytes), made for the ingest's hot path: the headers that stay the same for the whole session (spec
 * version, source, type, subject, session id, content type) are made once, not once per message.
 */
public final class SessionMediaRecords {

    private static final Header SPEC_VERSION = header("ce_specversion", EventEnvelope.SPEC_VERSION);
    private static final Header CONTENT_TYPE = header(EventCodec.CONTENT_TYPE, EventCodec.MEDIA_CONTENT_TYPE);
    private static final Map<EventType, Header> TYPES = typeHeaders();

    private final String streamId;
    private final String sessionId;
    private final Header source;
    private final Header subject;
    private final Header session;
    /** What the key, the stream id, takes in a record: a varint length and its UTF-8. */
    private final int keyBytes;

    public SessionMediaRecords(URI source, String streamId, String sessionId) {
        this.streamId = streamId;
        this.sessionId = sessionId;
        this.source = header("ce_source", source.toString());
        this.subject = header("ce_subject", streamId);
        this.session = header("ce_" + EventCodec.SESSION_ID, sessionId);
        this.keyBytes = sizeOfVarintPrefixed(streamId);
    }

    /** The record of the session's message number {@code sequence}, for the media topic, keyed by the stream. */
    public ProducerRecord<String, byte[]> record(EventType type, long sequence, long rtmpTimestamp, Instant time, byte[] payload) {
        Header typeHeader = TYPES.get(type);
        if (typeHeader == null) {
            throw new IllegalArgumentException(type + " is not a media event type");
        }
        Header[] headers = {
            SPEC_VERSION,
            header("ce_id", EventEnvelope.mediaMessageId(sessionId, sequence)),
            source,
            typeHeader,
            subject,
            header("ce_time", time.toString()),
            session,
            header("ce_" + EventCodec.SEQUENCE, Long.toString(sequence)),
            header("ce_" + EventCodec.RTMP_TIMESTAMP, Long.toString(rtmpTimestamp)),
            CONTENT_TYPE,
        };
        return new ProducerRecord<>(Topics.MEDIA, null, streamId, payload, new RecordHeaders(headers));
    }

    /**
     * The bytes Kafka lays out for {@code record}, one that {@link #record} of this object made, as the first
     * record of a batch (offset and timestamp deltas of zero): what {@code DefaultRecord.sizeInBytes} answers,
     * without measuring the UTF-8 of the key again for every message of the session. The header names are
     * ASCII, so their length is their UTF-8 length.
     */
    public int sizeInBytes(ProducerRecord<String, byte[]> record) {
        int headerCount = 0;
        int headerBytes = 0;
        for (Header header : record.headers()) {
            headerCount++;
            headerBytes += ByteUtils.sizeOfVarint(header.key().length()) + header.key().length()
                    + ByteUtils.sizeOfVarint(header.value().length) + header.value().length;
        }
        int valueLength = record.value().length;
        // The attributes byte, then the offset delta and the timestamp delta, one varint byte each at zero.
        int body = 3 + keyBytes + ByteUtils.sizeOfVarint(valueLength) + valueLength + ByteUtils.sizeOfVarint(headerCount)
                + headerBytes;
        return ByteUtils.sizeOfVarint(body) + body;
    }

    /** What {@code text} takes in a record as Kafka lays it out: a varint length and its UTF-8. */
    private static int sizeOfVarintPrefixed(String text) {
        int length = text.getBytes(StandardCharsets.UTF_8).length;
        return ByteUtils.sizeOfVarint(length) + length;
    }

    private static Map<EventType, Header> typeHeaders() {
        Map<EventType, Header> types = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            if (type.isMedia()) {
                types.put(type, header("ce_type", type.typeName()));
            }
        }
        return types;
    }

    private static Header header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }
}

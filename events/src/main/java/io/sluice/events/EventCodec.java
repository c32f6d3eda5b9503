package io.sluice.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.types.Time;
import io.sluice.events.json.EventDataJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Events to Kafka records and back, per the CloudEvents Kafka protocol binding, on the CloudEvents Java
 * SDK: control events in structured mode ({@code content-type: application/cloudevents+json}, the whole
 * event as JSON), media events in binary mode (attributes in {@code ce_*} headers, the FLV tag body as the
 * value, never copied into JSON).
 *
 * <p>Records are written here, header by header and field by field, rather than through the SDK's writers:
 * the ingest writes a media record per audio or video frame and a stats event every few seconds per stream,
 * and the SDK would build, validate and visit an event for each. What they hold is exactly what the SDK
 * writes and what its readers expect, which the tests check against the SDK's own output and by reading them
 * with it. Reading goes through the SDK.
 */
public final class EventCodec {

    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    /** The value of a media event: an FLV tag body (the bytes after the 11-byte FLV tag header). */
    public static final String MEDIA_CONTENT_TYPE = "application/x-flv-tag-body";
    /** The media events' extension attributes. */
    public static final String SESSION_ID = "sessionid";
    public static final String SEQUENCE = "sequence";
    public static final String RTMP_TIMESTAMP = "rtmptimestamp";

    /** The Kafka header that tells a structured record (JSON) from a binary-mode one (media). */
    public static final String CONTENT_TYPE = "content-type";
    private static final String DATA_CONTENT_TYPE = "application/json";

    private EventCodec() {
    }

    /**
     * A control event as the SDK's JSON format writes it, attribute for attribute and byte for byte, but
     * written straight to a generator: the SDK would build and validate a {@code CloudEvent} and visit it,
     * which for the ingest's stats, a few a second per live stream, cost as much as the JSON itself.
     */
    public static EventRecord encode(StructuredEvent event) {
        EventEnvelope envelope = event.envelope();
        ByteArrayOutputStream value = new ByteArrayOutputStream(512);
        try (JsonGenerator json = StructuredJson.MAPPER.createGenerator(value)) {
            // The SDK's order: the required attributes, then the optional ones, then the data.
            json.writeStartObject();
            json.writeStringField("specversion", SpecVersion.V1.toString());
            json.writeStringField("id", envelope.id());
            json.writeStringField("source", envelope.source().toString());
            json.writeStringField("type", envelope.type().typeName());
            json.writeStringField("datacontenttype", DATA_CONTENT_TYPE);
            json.writeStringField("subject", envelope.subject());
            json.writeStringField("time", Time.writeTime(OffsetDateTime.ofInstant(envelope.time(), ZoneOffset.UTC)));
            json.writeFieldName("data");
            json.writeTree(EventDataJson.write(event.data()));
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory cannot fail", e);
        }
        return new EventRecord(envelope.subject(), value.toByteArray(), List.of(EventHeader.of(CONTENT_TYPE, STRUCTURED_CONTENT_TYPE)));
    }

    public static EventRecord encode(MediaEvent event) {
        EventEnvelope envelope = event.envelope();
        List<EventHeader> headers = new ArrayList<>(10);
        headers.add(EventHeader.of("ce_specversion", EventEnvelope.SPEC_VERSION));
        headers.add(EventHeader.of("ce_id", envelope.id()));
        headers.add(EventHeader.of("ce_source", envelope.source().toString()));
        headers.add(EventHeader.of("ce_type", envelope.type().typeName()));
        headers.add(EventHeader.of("ce_subject", envelope.subject()));
        headers.add(EventHeader.of("ce_time", envelope.time().toString()));
        headers.add(EventHeader.of("ce_" + SESSION_ID, event.sessionId()));
        headers.add(EventHeader.of("ce_" + SEQUENCE, Long.toString(event.sequence())));
        headers.add(EventHeader.of("ce_" + RTMP_TIMESTAMP, Long.toString(event.rtmpTimestamp())));
        headers.add(EventHeader.of(CONTENT_TYPE, MEDIA_CONTENT_TYPE));
        return new EventRecord(envelope.subject(), event.payload(), headers);
    }

    /** Deletes a stream from the compacted registry. */
    public static EventRecord tombstone(String streamId) {
        return new EventRecord(streamId, null, List.of());
    }

    /**
     * Reads a record of any contract topic. A type this version does not know comes back as
     * {@link DecodedEvent.Unknown}, for the consumer to skip; fields it does not know are ignored. A record
     * that is not an event of the contract raises {@link EventFormatException}.
     */
    public static DecodedEvent decode(EventRecord record) {
        RecordHeaders headers = new RecordHeaders();
        for (EventHeader header : record.headers()) {
            headers.add(header.key(), header.value());
        }
        return decode(record.key(), record.value(), headers);
    }

    /** {@link #decode(EventRecord)} straight from a consumed record, the headers not copied. */
    public static DecodedEvent decode(ConsumerRecord<String, byte[]> record) {
        return decode(record.key(), record.value(), record.headers());
    }

    /**
     * The event type of a consumed record without decoding it: the {@code ce_type} header of a binary-mode
     * record, or the top-level {@code type} of a structured one, read as a stream of JSON tokens that stops
     * there (the SDK writes it before the data). For a consumer that skips most types and would otherwise
     * build every event. Empty for a tombstone, an unknown type or a record this cannot read: decode it to
     * learn more.
     */
    public static Optional<EventType> peekType(ConsumerRecord<String, byte[]> record) {
        byte[] value = record.value();
        if (value == null) {
            return Optional.empty();
        }
        if (!isStructured(record.headers())) {
            Header type = record.headers().lastHeader("ce_type");
            return type == null ? Optional.empty() : EventType.fromTypeName(new String(type.value(), StandardCharsets.UTF_8));
        }
        try (JsonParser json = StructuredJson.MAPPER.createParser(value)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken token = json.nextToken();
                if ("type".equals(field)) {
                    return token == JsonToken.VALUE_STRING ? EventType.fromTypeName(json.getText()) : Optional.empty();
                }
                json.skipChildren();
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static DecodedEvent decode(String key, byte[] value, Headers headers) {
        if (value == null) {
            if (key == null) {
                throw new EventFormatException("a tombstone without a key");
            }
            return new DecodedEvent.Tombstone(key);
        }
        if (isStructured(headers)) {
            return fromStructured(readStructured(value));
        }
        return fromBinary(readBinary(headers, value));
    }

    /** Whether a record is in structured mode (the whole event JSON in the value), as its content-type says. */
    private static boolean isStructured(Headers headers) {
        Header contentType = headers.lastHeader(CONTENT_TYPE);
        return contentType != null
                && new String(contentType.value(), StandardCharsets.UTF_8).startsWith("application/cloudevents");
    }

    private static CloudEvent readStructured(byte[] value) {
        try {
            return StructuredJson.MAPPER.readValue(value, CloudEvent.class);
        } catch (IOException | RuntimeException e) {
            throw new EventFormatException("malformed structured CloudEvent: " + e.getMessage(), e);
        }
    }

    private static CloudEvent readBinary(Headers headers, byte[] value) {
        if (headers.lastHeader("ce_specversion") == null) {
            throw new EventFormatException("neither a binary-mode nor a structured CloudEvent");
        }
        try {
            return KafkaMessageFactory.createReader(headers, value).toEvent();
        } catch (RuntimeException e) {
            throw new EventFormatException("malformed binary-mode CloudEvent: " + e.getMessage(), e);
        }
    }

    private static DecodedEvent fromStructured(CloudEvent event) {
        String subject = subject(event);
        Optional<EventType> type = EventType.fromTypeName(event.getType());
        if (type.isEmpty()) {
            return new DecodedEvent.Unknown(subject, event.getType());
        }
        if (type.get().isMedia()) {
            throw new EventFormatException(event.getType() + " travels in binary mode, not as JSON");
        }
        CloudEventData data = event.getData();
        if (!(data instanceof JsonCloudEventData json)) {
            throw new EventFormatException(event.getType() + " must carry JSON data");
        }
        JsonNode node = json.getNode();
        try {
            return new DecodedEvent.Structured(new StructuredEvent(envelope(event, type.get(), subject),
                    EventDataJson.read(type.get(), node)));
        } catch (IllegalArgumentException e) {
            throw new EventFormatException(e.getMessage(), e);
        }
    }

    private static DecodedEvent fromBinary(CloudEvent event) {
        String subject = subject(event);
        Optional<EventType> type = EventType.fromTypeName(event.getType());
        if (type.isEmpty()) {
            return new DecodedEvent.Unknown(subject, event.getType());
        }
        if (!type.get().isMedia()) {
            throw new EventFormatException(event.getType() + " must be a structured event");
        }
        CloudEventData data = event.getData();
        return new DecodedEvent.Media(new MediaEvent(envelope(event, type.get(), subject), extension(event, SESSION_ID),
                number(event, SEQUENCE), number(event, RTMP_TIMESTAMP), data == null ? new byte[0] : data.toBytes()));
    }

    private static String subject(CloudEvent event) {
        if (event.getSpecVersion() != SpecVersion.V1) {
            throw new EventFormatException("unsupported CloudEvents specversion " + event.getSpecVersion());
        }
        if (event.getSubject() == null) {
            throw new EventFormatException("an event without a subject (the stream id)");
        }
        return event.getSubject();
    }

    private static EventEnvelope envelope(CloudEvent event, EventType type, String subject) {
        if (event.getTime() == null) {
            throw new EventFormatException("an event without a time");
        }
        Instant time = event.getTime().toInstant();
        return new EventEnvelope(event.getId(), event.getSource(), type, subject, time);
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        if (value == null) {
            throw new EventFormatException("missing attribute " + name + " (header ce_" + name + ")");
        }
        return value.toString();
    }

    private static long number(CloudEvent event, String name) {
        try {
            return Long.parseLong(extension(event, name));
        } catch (NumberFormatException e) {
            throw new EventFormatException("attribute " + name + " must be a number");
        }
    }
}

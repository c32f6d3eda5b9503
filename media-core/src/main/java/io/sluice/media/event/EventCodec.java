package io.sluice.media.event;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.media.error.MediaFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Events to Kafka records and back, per the CloudEvents Kafka protocol binding: control events in
 * structured mode ({@code content-type: application/cloudevents+json}, the whole event as JSON), media
 * events in binary mode (attributes in {@code ce_*} headers, the FLV tag body as the value, never copied
 * into JSON).
 */
public final class EventCodec {

    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    /** The value of a media event: an FLV tag body (the bytes after the 11-byte FLV tag header). */
    public static final String MEDIA_CONTENT_TYPE = "application/x-flv-tag-body";

    static final String CONTENT_TYPE = "content-type";
    static final String SESSION_ID = "sessionid";
    static final String SEQUENCE = "sequence";
    static final String RTMP_TIMESTAMP = "rtmptimestamp";

    private EventCodec() {
    }

    public static EventRecord encode(StructuredEvent event) {
        EventEnvelope envelope = event.envelope();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator json = JsonObject.FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("specversion", EventEnvelope.SPEC_VERSION);
            json.writeStringField("id", envelope.id());
            json.writeStringField("source", envelope.source().toString());
            json.writeStringField("type", envelope.type().typeName());
            json.writeStringField("subject", envelope.subject());
            json.writeStringField("time", envelope.time().toString());
            json.writeStringField("datacontenttype", "application/json");
            json.writeFieldName("data");
            EventDataJson.write(event.data(), json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory cannot fail", e);
        }
        return new EventRecord(envelope.subject(), bytes.toByteArray(),
                List.of(EventHeader.of(CONTENT_TYPE, STRUCTURED_CONTENT_TYPE)));
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

    /** Reads a record of any contract topic; malformed records raise {@link MediaFormatException}. */
    public static DecodedEvent decode(EventRecord record) {
        if (record.value() == null) {
            if (record.key() == null) {
                throw new MediaFormatException("a tombstone without a key");
            }
            return new DecodedEvent.Tombstone(record.key());
        }
        Optional<String> ceType = record.header("ce_type");
        if (ceType.isPresent()) {
            return decodeBinary(record, ceType.get());
        }
        String contentType = record.header(CONTENT_TYPE).orElse("");
        if (!contentType.startsWith("application/cloudevents+json")) {
            throw new MediaFormatException("neither a binary-mode nor a structured CloudEvent (content-type '" + contentType + "')");
        }
        return decodeStructured(JsonObject.parse(record.value()));
    }

    private static DecodedEvent decodeStructured(JsonObject json) {
        requireSpecVersion(json.string("specversion"));
        String typeName = json.string("type");
        String subject = json.string("subject");
        Optional<EventType> type = EventType.fromTypeName(typeName);
        if (type.isEmpty()) {
            return new DecodedEvent.Unknown(subject, typeName);
        }
        EventEnvelope envelope = new EventEnvelope(json.string("id"), uri(json.string("source")), type.get(), subject,
                json.instant("time"));
        return new DecodedEvent.Structured(new StructuredEvent(envelope, EventDataJson.read(type.get(), json.object("data"))));
    }

    private static DecodedEvent decodeBinary(EventRecord record, String typeName) {
        requireSpecVersion(required(record, "ce_specversion"));
        String subject = required(record, "ce_subject");
        Optional<EventType> type = EventType.fromTypeName(typeName);
        if (type.isEmpty()) {
            return new DecodedEvent.Unknown(subject, typeName);
        }
        if (!type.get().isMedia()) {
            throw new MediaFormatException(typeName + " must be a structured event");
        }
        Instant time;
        try {
            time = Instant.parse(required(record, "ce_time"));
        } catch (DateTimeParseException e) {
            throw new MediaFormatException("ce_time must be an RFC 3339 time");
        }
        EventEnvelope envelope = new EventEnvelope(required(record, "ce_id"), uri(required(record, "ce_source")), type.get(),
                subject, time);
        return new DecodedEvent.Media(new MediaEvent(envelope, required(record, "ce_" + SESSION_ID),
                number(record, "ce_" + SEQUENCE), number(record, "ce_" + RTMP_TIMESTAMP), record.value()));
    }

    private static void requireSpecVersion(String version) {
        if (!EventEnvelope.SPEC_VERSION.equals(version)) {
            throw new MediaFormatException("unsupported CloudEvents specversion " + version);
        }
    }

    private static String required(EventRecord record, String header) {
        return record.header(header).orElseThrow(() -> new MediaFormatException("missing header " + header));
    }

    private static long number(EventRecord record, String header) {
        try {
            return Long.parseLong(required(record, header));
        } catch (NumberFormatException e) {
            throw new MediaFormatException("header " + header + " must be a number");
        }
    }

    private static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new MediaFormatException("source must be a URI reference: " + value);
        }
    }
}

package io.sluice.events.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.sluice.events.EventHeader;
import io.sluice.events.EventRecord;
import io.sluice.events.EventSchemas;
import io.sluice.events.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Checks the {@code data} of control events against the JSON Schemas the events module ships, with
 * networknt's validator, formats ({@code date-time}, {@code uri}) asserted.
 *
 * <p>{@link #strict()} is what tests use on what Sluice itself writes: every object of the schemas is closed
 * ({@code additionalProperties: false} where the schema does not say), so a field written but not in the
 * schema, or a field of an old sample that the schema no longer declares, is an error. The published schemas
 * stay open, because a consumer must ignore fields a newer producer adds ({@link #published()}).
 */
public final class EventSchemaValidator {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

    private EventSchemaValidator(boolean closed) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (EventType type : EventType.values()) {
            if (!type.isMedia()) {
                JsonNode schema = read(type);
                schemas.put(type, factory.getSchema(closed ? close(schema.deepCopy()) : schema, CONFIG));
            }
        }
    }

    /** The schemas closed to fields they do not declare: for what Sluice writes and for stored samples. */
    public static EventSchemaValidator strict() {
        return Holder.STRICT;
    }

    /** The schemas as published, open to fields added later. */
    public static EventSchemaValidator published() {
        return Holder.PUBLISHED;
    }

    /** What is wrong with {@code data} as the data of {@code type}; empty when it is valid. */
    public Set<String> problems(EventType type, JsonNode data) {
        JsonSchema schema = schemas.get(type);
        if (schema == null) {
            throw new IllegalArgumentException(type.typeName() + " has no JSON data");
        }
        Set<String> problems = new TreeSet<>();
        for (ValidationMessage message : schema.validate(data)) {
            problems.add(message.getMessage());
        }
        return problems;
    }

    /** Fails unless {@code data} is valid data of {@code type}. */
    public void check(EventType type, JsonNode data) {
        Set<String> problems = problems(type, data);
        if (!problems.isEmpty()) {
            throw new AssertionError(type.typeName() + " data does not match its schema " + EventSchemas.fileName(type)
                    + ": " + problems + " in " + data);
        }
    }

    /**
     * Fails unless a structured record's data is valid for its type. Media records (binary mode),
     * tombstones and types this version does not know have no schema here and pass.
     */
    public void check(ConsumerRecord<String, byte[]> record) {
        List<EventHeader> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new EventHeader(header.key(), header.value()));
        }
        check(new EventRecord(record.key(), record.value(), headers));
    }

    public void check(EventRecord record) {
        Optional<String> contentType = record.header("content-type");
        if (record.value() == null || contentType.isEmpty() || !contentType.get().startsWith("application/cloudevents")) {
            return;
        }
        JsonNode event;
        try {
            event = MAPPER.readTree(record.value());
        } catch (IOException e) {
            throw new AssertionError("a structured record that is not JSON: " + new String(record.value(), StandardCharsets.UTF_8), e);
        }
        Optional<EventType> type = EventType.fromTypeName(event.path("type").asText());
        if (type.isPresent() && !type.get().isMedia()) {
            check(type.get(), event.path("data"));
        }
    }

    private static JsonNode read(EventType type) {
        try (InputStream in = EventSchemas.open(type)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every object schema that declares properties, and says nothing of others, refuses others. */
    private static JsonNode close(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.set("additionalProperties", BooleanNode.FALSE);
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
                close(children.next());
            }
        } else if (schema.isArray()) {
            schema.forEach(EventSchemaValidator::close);
        }
        return schema;
    }

    /** Both built once, on first use: compiling twelve schemas twice per test would be waste. */
    private static final class Holder {
        static final EventSchemaValidator STRICT = new EventSchemaValidator(true);
        static final EventSchemaValidator PUBLISHED = new EventSchemaValidator(false);
    }
}

package io.sluice.media.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.sluice.media.error.MediaFormatException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed JSON object of an event: flat values and nested objects, read with Jackson's streaming parser
 * (no reflection) under tight limits, with typed accessors that fail with the field's name.
 */
final class JsonObject {

    /** Event documents are small; anything deeper or longer is not ours. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(8)
                    .maxStringLength(64 * 1024)
                    .maxNumberLength(32)
                    .maxDocumentLength(1024 * 1024)
                    .build())
            .build();

    private final Map<String, Object> fields;

    private JsonObject(Map<String, Object> fields) {
        this.fields = fields;
    }

    static JsonObject parse(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MediaFormatException("event is not a JSON object");
            }
            JsonObject object = readObject(parser);
            if (parser.nextToken() != null) {
                throw new MediaFormatException("trailing content after the event's JSON object");
            }
            return object;
        } catch (IOException e) {
            throw new MediaFormatException("malformed event JSON: " + e.getMessage(), e);
        }
    }

    private static JsonObject readObject(JsonParser parser) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            Object value = switch (token) {
                case START_OBJECT -> readObject(parser);
                case START_ARRAY -> {
                    parser.skipChildren();
                    yield null;
                }
                case VALUE_STRING -> parser.getText();
                case VALUE_NUMBER_INT -> parser.getLongValue();
                case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> throw new MediaFormatException("unexpected JSON token " + token + " at " + name);
            };
            if (fields.containsKey(name)) {
                throw new MediaFormatException("duplicate JSON field " + name);
            }
            fields.put(name, value);
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new MediaFormatException("unterminated JSON object");
        }
        return new JsonObject(fields);
    }

    boolean has(String name) {
        return fields.get(name) != null;
    }

    String string(String name) {
        Object value = fields.get(name);
        if (!(value instanceof String s)) {
            throw new MediaFormatException("field " + name + " must be a string");
        }
        return s;
    }

    String optionalString(String name) {
        return has(name) ? string(name) : null;
    }

    long number(String name) {
        Object value = fields.get(name);
        if (value instanceof Long l) {
            return l;
        }
        throw new MediaFormatException("field " + name + " must be an integer");
    }

    long optionalNumber(String name) {
        return has(name) ? number(name) : 0;
    }

    double decimal(String name) {
        Object value = fields.get(name);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return 0;
    }

    boolean bool(String name) {
        Object value = fields.get(name);
        if (value instanceof Boolean b) {
            return b;
        }
        throw new MediaFormatException("field " + name + " must be true or false");
    }

    Instant instant(String name) {
        try {
            return Instant.parse(string(name));
        } catch (DateTimeParseException e) {
            throw new MediaFormatException("field " + name + " must be an RFC 3339 time");
        }
    }

    Instant optionalInstant(String name) {
        return has(name) ? instant(name) : null;
    }

    JsonObject object(String name) {
        Object value = fields.get(name);
        if (!(value instanceof JsonObject o)) {
            throw new MediaFormatException("field " + name + " must be an object");
        }
        return o;
    }
}

package io.sluice.events.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.events.EventFormatException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Typed reads of the fields of an event's data that fail with the field's path. Fields it is not asked for
 * are ignored: a newer producer may add some. A field that is {@code null} counts as absent.
 */
final class DataReader {

    private final ObjectNode node;
    private final String path;

    private DataReader(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static DataReader of(JsonNode node, String path) {
        if (!(node instanceof ObjectNode object)) {
            throw new EventFormatException(path + " must be a JSON object");
        }
        return new DataReader(object, path);
    }

    String string(String name) {
        JsonNode value = present(name);
        if (value == null || !value.isTextual()) {
            throw invalid(name, "a string");
        }
        return value.textValue();
    }

    String optionalString(String name) {
        return present(name) == null ? null : string(name);
    }

    long number(String name) {
        JsonNode value = present(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw invalid(name, "an integer");
        }
        return value.longValue();
    }

    /** 0 when absent. */
    long optionalNumber(String name) {
        return present(name) == null ? 0 : number(name);
    }

    int integer(String name) {
        long value = number(name);
        if (value != (int) value) {
            throw invalid(name, "a 32-bit integer");
        }
        return (int) value;
    }

    /** 0 when absent. */
    int optionalInteger(String name) {
        return present(name) == null ? 0 : integer(name);
    }

    /** 0 when absent. */
    double optionalDecimal(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return 0;
        }
        if (!value.isNumber()) {
            throw invalid(name, "a number");
        }
        return value.doubleValue();
    }

    boolean bool(String name) {
        JsonNode value = present(name);
        if (value == null || !value.isBoolean()) {
            throw invalid(name, "true or false");
        }
        return value.booleanValue();
    }

    Instant instant(String name) {
        try {
            return Instant.parse(string(name));
        } catch (DateTimeParseException e) {
            throw invalid(name, "an RFC 3339 time");
        }
    }

    Instant optionalInstant(String name) {
        return present(name) == null ? null : instant(name);
    }

    DataReader object(String name) {
        return of(present(name), path + "." + name);
    }

    /** Each object of an array, read by {@code reader}; empty when absent. */
    <T> List<T> objects(String name, Function<DataReader, T> reader) {
        List<T> values = new ArrayList<>();
        JsonNode array = array(name);
        for (int i = 0; i < array.size(); i++) {
            values.add(reader.apply(of(array.get(i), path + "." + name + "[" + i + "]")));
        }
        return values;
    }

    /** Empty when absent. */
    List<String> strings(String name) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array(name)) {
            if (!value.isTextual()) {
                throw invalid(name, "an array of strings");
            }
            values.add(value.textValue());
        }
        return values;
    }

    private JsonNode array(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return node.arrayNode();
        }
        if (!value.isArray()) {
            throw invalid(name, "an array");
        }
        return value;
    }

    private JsonNode present(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private EventFormatException invalid(String name, String what) {
        return new EventFormatException(path + "." + name + " must be " + what);
    }
}

package io.sluice.events.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Builds the JSON object of an event's data, field by field, in the order written. */
final class DataWriter {

    private final ObjectNode node = JsonNodeFactory.instance.objectNode();

    DataWriter string(String name, String value) {
        node.put(name, value);
        return this;
    }

    /** Leaves the field out when there is no value. */
    DataWriter optional(String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
        return this;
    }

    DataWriter number(String name, long value) {
        node.put(name, value);
        return this;
    }

    DataWriter decimal(String name, double value) {
        node.put(name, value);
        return this;
    }

    DataWriter bool(String name, boolean value) {
        node.put(name, value);
        return this;
    }

    /** An RFC 3339 time in UTC; left out when there is none. */
    DataWriter time(String name, Instant value) {
        if (value != null) {
            node.put(name, value.toString());
        }
        return this;
    }

    DataWriter object(String name, DataWriter value) {
        node.set(name, value.node);
        return this;
    }

    <T> DataWriter objects(String name, List<T> values, Function<T, DataWriter> writer) {
        ArrayNode array = node.putArray(name);
        values.forEach(value -> array.add(writer.apply(value).node));
        return this;
    }

    DataWriter strings(String name, List<String> values) {
        ArrayNode array = node.putArray(name);
        values.forEach(array::add);
        return this;
    }

    ObjectNode node() {
        return node;
    }
}

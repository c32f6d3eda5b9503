package io.sluice.media.amf;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One named property of an AMF0 object, ECMA array or typed object. Containers keep their properties as a
 * list in wire order, duplicates included: AMF does not forbid repeating a name, and dropping the earlier
 * value would drop an entry of the reference table that later references count on.
 */
public record Amf0Property(String name, Amf0Value value) {

    public Amf0Property {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** The entries of {@code properties} in its iteration order. */
    public static List<Amf0Property> listOf(Map<String, ? extends Amf0Value> properties) {
        return properties.entrySet().stream().map(e -> new Amf0Property(e.getKey(), e.getValue())).toList();
    }
}

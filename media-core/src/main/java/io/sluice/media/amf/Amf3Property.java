package io.sluice.media.amf;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One named member of an AMF3 array's associative part or an object's dynamic part, kept in wire order
 * with duplicates for the same reason as {@link Amf0Property}.
 */
public record Amf3Property(String name, Amf3Value value) {

    public Amf3Property {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** The entries of {@code members} in its iteration order. */
    public static List<Amf3Property> listOf(Map<String, ? extends Amf3Value> members) {
        return members.entrySet().stream().map(e -> new Amf3Property(e.getKey(), e.getValue())).toList();
    }
}

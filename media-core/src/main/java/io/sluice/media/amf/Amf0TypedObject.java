package io.sluice.media.amf;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Typed object type (0x10): a class name followed by properties, as in an anonymous object. */
public record Amf0TypedObject(String className, List<Amf0Property> properties)
        implements Amf0Value, Amf0Properties {

    public Amf0TypedObject {
        Objects.requireNonNull(className, "className");
        properties = List.copyOf(properties);
    }

    /** A typed object with the entries of {@code properties} in its iteration order. */
    public Amf0TypedObject(String className, Map<String, ? extends Amf0Value> properties) {
        this(className, Amf0Property.listOf(properties));
    }
}

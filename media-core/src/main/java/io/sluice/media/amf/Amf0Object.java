package io.sluice.media.amf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Anonymous object type (0x03): named properties up to the object-end marker. */
public record Amf0Object(List<Amf0Property> properties) implements Amf0Value, Amf0Properties {

    public Amf0Object {
        properties = List.copyOf(properties);
    }

    /** An object with the entries of {@code properties} in its iteration order. */
    public Amf0Object(Map<String, ? extends Amf0Value> properties) {
        this(Amf0Property.listOf(properties));
    }

    /** An object of alternating names and values, for building replies: {@code of("level", status, ...)}. */
    public static Amf0Object of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        List<Amf0Property> properties = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.add(new Amf0Property((String) namesAndValues[i], (Amf0Value) namesAndValues[i + 1]));
        }
        return new Amf0Object(properties);
    }
}

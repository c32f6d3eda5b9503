package io.sluice.media.amf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The AMF0 containers made of named properties: {@link Amf0Object}, {@link Amf0EcmaArray} and
 * {@link Amf0TypedObject}. Enhanced RTMP v2 ("ECMA Array vs Object") asks readers to accept either an
 * ECMA array or an object wherever an object is expected; this interface is how the session does that.
 * Lookups by name see the last property of that name, as Flash does when a name repeats.
 */
public sealed interface Amf0Properties permits Amf0Object, Amf0EcmaArray, Amf0TypedObject {

    /** Properties in wire order, duplicates included. */
    List<Amf0Property> properties();

    /** The properties by name, in wire order, the last value winning for a repeated name. */
    default Map<String, Amf0Value> asMap() {
        Map<String, Amf0Value> map = new LinkedHashMap<>();
        properties().forEach(property -> map.put(property.name(), property.value()));
        return Collections.unmodifiableMap(map);
    }

    /** The last property called {@code name}, if any. */
    default Optional<Amf0Value> get(String name) {
        List<Amf0Property> properties = properties();
        for (int i = properties.size() - 1; i >= 0; i--) {
            if (properties.get(i).name().equals(name)) {
                return Optional.of(properties.get(i).value());
            }
        }
        return Optional.empty();
    }

    /** The text of a string or long string property, if present with one of those types. */
    default Optional<String> text(String name) {
        return get(name).map(Amf0Value::asText);
    }

    /** The value of a number property, if present with that type. */
    default OptionalDouble number(String name) {
        return get(name).orElse(null) instanceof Amf0Number(double value)
                ? OptionalDouble.of(value)
                : OptionalDouble.empty();
    }

    /** The properties of a nested object, ECMA array or typed object, if present with one of those types. */
    default Optional<Amf0Properties> container(String name) {
        return get(name).orElse(null) instanceof Amf0Properties nested ? Optional.of(nested) : Optional.empty();
    }
}

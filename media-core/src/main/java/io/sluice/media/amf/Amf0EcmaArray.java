package io.sluice.media.amf;

import java.util.List;
import java.util.Map;

/**
 * ECMA array type (0x08): an associative array, on the wire a 32-bit count followed by properties and the
 * object-end marker. The count is only a hint (encoders disagree on it), so the reader ignores it and the
 * writer writes the real size.
 */
public record Amf0EcmaArray(List<Amf0Property> properties) implements Amf0Value, Amf0Properties {

    public Amf0EcmaArray {
        properties = List.copyOf(properties);
    }

    /** An ECMA array with the entries of {@code properties} in its iteration order. */
    public Amf0EcmaArray(Map<String, ? extends Amf0Value> properties) {
        this(Amf0Property.listOf(properties));
    }
}

package io.sluice.media.amf;

import java.util.List;
import java.util.Map;

/**
 * Array type (0x09): an associative part of named members followed by a dense part of values
 * (section 3.11).
 */
public record Amf3Array(List<Amf3Property> associative, List<Amf3Value> dense) implements Amf3Value {

    public Amf3Array {
        associative = List.copyOf(associative);
        dense = List.copyOf(dense);
    }

    /** An array with the entries of {@code associative} in its iteration order. */
    public Amf3Array(Map<String, ? extends Amf3Value> associative, List<Amf3Value> dense) {
        this(Amf3Property.listOf(associative), dense);
    }
}

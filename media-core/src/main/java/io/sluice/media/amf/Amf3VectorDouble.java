package io.sluice.media.amf;

import java.util.List;

/** Vector.&lt;Number&gt; type (0x0F): IEEE 754 double items. */
public record Amf3VectorDouble(boolean fixed, List<Double> items) implements Amf3Value {

    public Amf3VectorDouble {
        items = List.copyOf(items);
    }
}

package io.sluice.media.amf;

import java.util.List;
import java.util.Objects;

/** Vector.&lt;T&gt; type (0x10): AMF3 items of the named element type ({@code "*"} for any). */
public record Amf3VectorObject(boolean fixed, String typeName, List<Amf3Value> items) implements Amf3Value {

    public Amf3VectorObject {
        Objects.requireNonNull(typeName, "typeName");
        items = List.copyOf(items);
    }
}

package io.sluice.media.amf;

import java.util.List;

/** Vector.&lt;int&gt; type (0x0D): signed 32-bit items; {@code fixed} is the Vector's fixed-length flag. */
public record Amf3VectorInt(boolean fixed, List<Integer> items) implements Amf3Value {

    public Amf3VectorInt {
        items = List.copyOf(items);
    }
}

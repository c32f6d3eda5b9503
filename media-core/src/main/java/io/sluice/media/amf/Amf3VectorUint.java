package io.sluice.media.amf;

import java.util.List;

/** Vector.&lt;uint&gt; type (0x0E): unsigned 32-bit items, held as longs in [0, 2^32). */
public record Amf3VectorUint(boolean fixed, List<Long> items) implements Amf3Value {

    public Amf3VectorUint {
        items = List.copyOf(items);
        for (long item : items) {
            if (item < 0 || item > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("uint item out of range: " + item);
            }
        }
    }
}

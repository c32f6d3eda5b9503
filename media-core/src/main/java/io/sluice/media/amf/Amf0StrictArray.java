package io.sluice.media.amf;

import java.util.List;

/** Strict array type (0x0A): a 32-bit count followed by that many values. */
public record Amf0StrictArray(List<Amf0Value> values) implements Amf0Value {

    public Amf0StrictArray {
        values = List.copyOf(values);
    }
}

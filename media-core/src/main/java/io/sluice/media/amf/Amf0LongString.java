package io.sluice.media.amf;

import java.util.Objects;

/** Long string type (0x0C): UTF-8 with a 32-bit length. */
public record Amf0LongString(String value) implements Amf0Value {

    public Amf0LongString {
        Objects.requireNonNull(value, "value");
    }
}

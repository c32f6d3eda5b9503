package io.sluice.media.amf;

import java.util.Objects;

/**
 * String type (0x02): UTF-8 with a 16-bit length, so at most 65535 encoded bytes; longer text needs an
 * {@link Amf0LongString}. Bytes that are not valid UTF-8 decode to U+FFFD rather than failing, since
 * encoders do put Latin-1 into metadata and the raw payload is kept next to the parsed value anyway.
 */
public record Amf0String(String value) implements Amf0Value {

    public Amf0String {
        Objects.requireNonNull(value, "value");
    }
}

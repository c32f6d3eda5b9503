package io.sluice.media.amf;

import java.util.Objects;

/**
 * String type (0x06). On the wire a non-empty string is sent once and later as an index into the string
 * reference table; the reader resolves those references and the writer creates them, so the value is
 * always the text itself.
 */
public record Amf3String(String value) implements Amf3Value {

    public Amf3String {
        Objects.requireNonNull(value, "value");
    }
}

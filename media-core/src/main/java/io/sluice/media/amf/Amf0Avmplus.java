package io.sluice.media.amf;

import java.util.Objects;

/**
 * The avmplus-object marker (0x11): the next value is AMF3 encoded. The switch is not sticky (E-RTMP v2,
 * "Enabling AMF3 in RTMP"): decoding returns to AMF0 after this one value. Each switched value starts
 * with empty AMF3 reference tables, so a reference can never silently resolve against another value's
 * table.
 */
public record Amf0Avmplus(Amf3Value value) implements Amf0Value {

    public Amf0Avmplus {
        Objects.requireNonNull(value, "value");
    }
}

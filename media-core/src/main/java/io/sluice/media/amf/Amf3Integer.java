package io.sluice.media.amf;

/**
 * Integer type (0x04): a 29-bit signed integer in the variable-length U29 encoding (section 1.3.1).
 * Values outside [-2^28, 2^28 - 1] must be sent as {@link Amf3Double}.
 */
public record Amf3Integer(int value) implements Amf3Value {

    public static final int MIN = -(1 << 28);
    public static final int MAX = (1 << 28) - 1;

    public Amf3Integer {
        if (value < MIN || value > MAX) {
            throw new IllegalArgumentException("AMF3 integer out of 29-bit range: " + value);
        }
    }
}

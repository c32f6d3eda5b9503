package io.sluice.media.amf;

/** Double type (0x05): an IEEE 754 double, big-endian. */
public record Amf3Double(double value) implements Amf3Value {
}

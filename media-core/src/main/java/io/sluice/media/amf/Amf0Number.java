package io.sluice.media.amf;

/** Number type (0x00): an IEEE 754 double, big-endian on the wire. */
public record Amf0Number(double value) implements Amf0Value {
}

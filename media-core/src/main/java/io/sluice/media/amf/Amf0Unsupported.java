package io.sluice.media.amf;

/** Unsupported type (0x0D): a value the sender could not serialize. */
public record Amf0Unsupported() implements Amf0Value {

    public static final Amf0Unsupported INSTANCE = new Amf0Unsupported();
}

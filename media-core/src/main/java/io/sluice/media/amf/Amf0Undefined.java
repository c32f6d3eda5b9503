package io.sluice.media.amf;

/** Undefined type (0x06). */
public record Amf0Undefined() implements Amf0Value {

    public static final Amf0Undefined INSTANCE = new Amf0Undefined();
}

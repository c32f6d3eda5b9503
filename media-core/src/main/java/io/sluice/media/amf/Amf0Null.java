package io.sluice.media.amf;

/** Null type (0x05). */
public record Amf0Null() implements Amf0Value {

    public static final Amf0Null INSTANCE = new Amf0Null();
}

package io.sluice.media.amf;

/** Null type (0x01). */
public record Amf3Null() implements Amf3Value {

    public static final Amf3Null INSTANCE = new Amf3Null();
}

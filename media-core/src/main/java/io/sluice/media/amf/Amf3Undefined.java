package io.sluice.media.amf;

/** Undefined type (0x00). */
public record Amf3Undefined() implements Amf3Value {

    public static final Amf3Undefined INSTANCE = new Amf3Undefined();
}

package io.sluice.media.amf;

/** Boolean type (0x01): one byte, zero is false. */
public record Amf0Boolean(boolean value) implements Amf0Value {

    public static final Amf0Boolean TRUE = new Amf0Boolean(true);
    public static final Amf0Boolean FALSE = new Amf0Boolean(false);
}

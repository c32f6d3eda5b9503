package io.sluice.media.amf;

/** False (0x02) and true (0x03) types: the marker is the value. */
public record Amf3Boolean(boolean value) implements Amf3Value {

    public static final Amf3Boolean TRUE = new Amf3Boolean(true);
    public static final Amf3Boolean FALSE = new Amf3Boolean(false);
}

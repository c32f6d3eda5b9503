package io.sluice.media.amf;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes AMF0 values in their canonical form: ECMA arrays with their real count, every object closed by
 * the object-end marker, and each {@link Amf0Avmplus} value with fresh AMF3 reference tables.
 */
public final class Amf0Writer {

    private final AmfOutput out = new AmfOutput();

    /** Encodes the values one after another, the layout of a command or data message body. */
    public static byte[] encode(List<? extends Amf0Value> values) {
        Amf0Writer writer = new Amf0Writer();
        values.forEach(writer::write);
        return writer.toByteArray();
    }

    /** Encodes the values one after another. */
    public static byte[] encode(Amf0Value... values) {
        return encode(List.of(values));
    }

    /**
     * Appends one value.
     *
     * @throws IllegalArgumentException if an {@link Amf0String} or a property name is longer than 65535
     *                                  UTF-8 bytes (use {@link Amf0LongString})
     */
    public Amf0Writer write(Amf0Value value) {
        switch (value) {
            case Amf0Number number -> {
                out.u8(Amf0Value.NUMBER);
                out.f64(number.value());
            }
            case Amf0Boolean bool -> {
                out.u8(Amf0Value.BOOLEAN);
                out.u8(bool.value() ? 1 : 0);
            }
            case Amf0String string -> {
                out.u8(Amf0Value.STRING);
                writeShortUtf8(string.value());
            }
            case Amf0Object object -> {
                out.u8(Amf0Value.OBJECT);
                writeProperties(object.properties());
            }
            case Amf0Null ignored -> out.u8(Amf0Value.NULL);
            case Amf0Undefined ignored -> out.u8(Amf0Value.UNDEFINED);
            case Amf0Reference reference -> {
                out.u8(Amf0Value.REFERENCE);
                out.u16(reference.index());
            }
            case Amf0EcmaArray array -> {
                out.u8(Amf0Value.ECMA_ARRAY);
                out.u32(array.properties().size());
                writeProperties(array.properties());
            }
            case Amf0StrictArray array -> {
                out.u8(Amf0Value.STRICT_ARRAY);
                out.u32(array.values().size());
                array.values().forEach(this::write);
            }
            case Amf0Date date -> {
                out.u8(Amf0Value.DATE);
                out.f64(date.epochMillis());
                out.u16(date.timeZoneMinutes());
            }
            case Amf0LongString string -> {
                out.u8(Amf0Value.LONG_STRING);
                writeLongUtf8(string.value());
            }
            case Amf0Unsupported ignored -> out.u8(Amf0Value.UNSUPPORTED);
            case Amf0XmlDocument xml -> {
                out.u8(Amf0Value.XML_DOCUMENT);
                writeLongUtf8(xml.xml());
            }
            case Amf0TypedObject object -> {
                out.u8(Amf0Value.TYPED_OBJECT);
                writeShortUtf8(object.className());
                writeProperties(object.properties());
            }
            case Amf0Avmplus avmplus -> {
                out.u8(Amf0Value.AVMPLUS);
                new Amf3Writer(out).write(avmplus.value());
            }
        }
        return this;
    }

    /** The bytes written so far. */
    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private void writeProperties(List<Amf0Property> properties) {
        for (Amf0Property property : properties) {
            writeShortUtf8(property.name());
            write(property.value());
        }
        out.u16(0);
        out.u8(Amf0Value.OBJECT_END);
    }

    private void writeShortUtf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("AMF0 string of " + bytes.length + " UTF-8 bytes needs a long string");
        }
        out.u16(bytes.length);
        out.bytes(bytes);
    }

    private void writeLongUtf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.u32(bytes.length);
        out.bytes(bytes);
    }
}

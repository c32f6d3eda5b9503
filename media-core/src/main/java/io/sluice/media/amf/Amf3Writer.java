package io.sluice.media.amf;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes AMF3 values. Like Flash, it sends each non-empty string and each traits description once and
 * refers back to it afterwards, so a payload the {@link Amf3Reader} decoded encodes to the same bytes.
 * Object-table references are written only where the value holds an explicit {@link Amf3Reference}.
 */
public final class Amf3Writer {

    private final AmfOutput out;
    private final Map<String, Integer> strings = new HashMap<>();
    private final Map<Amf3Traits, Integer> traits = new HashMap<>();

    /** A writer with its own buffer and reference tables. */
    public Amf3Writer() {
        this(new AmfOutput());
    }

    Amf3Writer(AmfOutput out) {
        this.out = out;
    }

    /** Encodes the values one after another with shared reference tables. */
    public static byte[] encode(List<? extends Amf3Value> values) {
        Amf3Writer writer = new Amf3Writer();
        values.forEach(writer::write);
        return writer.toByteArray();
    }

    /** The bytes written so far. */
    public byte[] toByteArray() {
        return out.toByteArray();
    }

    /** Appends one value. */
    public Amf3Writer write(Amf3Value value) {
        switch (value) {
            case Amf3Undefined ignored -> out.u8(Amf3Value.UNDEFINED);
            case Amf3Null ignored -> out.u8(Amf3Value.NULL);
            case Amf3Boolean bool -> out.u8(bool.value() ? Amf3Value.TRUE : Amf3Value.FALSE);
            case Amf3Integer integer -> {
                out.u8(Amf3Value.INTEGER);
                writeU29(integer.value() & 0x1FFF_FFFF);
            }
            case Amf3Double number -> {
                out.u8(Amf3Value.DOUBLE);
                out.f64(number.value());
            }
            case Amf3String string -> {
                out.u8(Amf3Value.STRING);
                writeString(string.value());
            }
            case Amf3XmlDocument xml -> {
                out.u8(Amf3Value.XML_DOCUMENT);
                writeInlineBytes(xml.xml().getBytes(StandardCharsets.UTF_8));
            }
            case Amf3Date date -> {
                out.u8(Amf3Value.DATE);
                writeU29(1);
                out.f64(date.epochMillis());
            }
            case Amf3Array array -> writeArray(array);
            case Amf3Object object -> writeObject(object);
            case Amf3Xml xml -> {
                out.u8(Amf3Value.XML);
                writeInlineBytes(xml.xml().getBytes(StandardCharsets.UTF_8));
            }
            case Amf3ByteArray bytes -> {
                out.u8(Amf3Value.BYTE_ARRAY);
                writeInlineBytes(bytes.shared());
            }
            case Amf3VectorInt vector -> {
                writeVectorHeader(Amf3Value.VECTOR_INT, vector.items().size(), vector.fixed());
                vector.items().forEach(out::u32);
            }
            case Amf3VectorUint vector -> {
                writeVectorHeader(Amf3Value.VECTOR_UINT, vector.items().size(), vector.fixed());
                vector.items().forEach(out::u32);
            }
            case Amf3VectorDouble vector -> {
                writeVectorHeader(Amf3Value.VECTOR_DOUBLE, vector.items().size(), vector.fixed());
                vector.items().forEach(out::f64);
            }
            case Amf3VectorObject vector -> {
                writeVectorHeader(Amf3Value.VECTOR_OBJECT, vector.items().size(), vector.fixed());
                writeString(vector.typeName());
                vector.items().forEach(this::write);
            }
            case Amf3Dictionary dictionary -> {
                out.u8(Amf3Value.DICTIONARY);
                writeU29(dictionary.entries().size() << 1 | 1);
                out.u8(dictionary.weakKeys() ? 1 : 0);
                for (Amf3Dictionary.Entry entry : dictionary.entries()) {
                    write(entry.key());
                    write(entry.value());
                }
            }
            case Amf3Reference reference -> {
                out.u8(reference.marker());
                writeU29(reference.index() << 1);
            }
        }
        return this;
    }

    private void writeArray(Amf3Array array) {
        out.u8(Amf3Value.ARRAY);
        writeU29(array.dense().size() << 1 | 1);
        for (Amf3Property member : array.associative()) {
            writeString(member.name());
            write(member.value());
        }
        writeString("");
        array.dense().forEach(this::write);
    }

    /** Section 3.12: a known traits description is sent as a traits reference (U29O-traits-ref). */
    private void writeObject(Amf3Object object) {
        out.u8(Amf3Value.OBJECT);
        Amf3Traits objectTraits = object.traits();
        Integer traitsIndex = traits.get(objectTraits);
        if (traitsIndex != null) {
            writeU29(traitsIndex << 2 | 0b01);
        } else {
            traits.put(objectTraits, traits.size());
            int sealedCount = objectTraits.sealedMemberNames().size();
            writeU29(sealedCount << 4 | (objectTraits.dynamic() ? 0b1000 : 0) | 0b011);
            writeString(objectTraits.className());
            objectTraits.sealedMemberNames().forEach(this::writeString);
        }
        object.sealedValues().forEach(this::write);
        if (objectTraits.dynamic()) {
            for (Amf3Property member : object.dynamicMembers()) {
                writeString(member.name());
                write(member.value());
            }
            writeString("");
        }
    }

    private void writeVectorHeader(int marker, int count, boolean fixed) {
        out.u8(marker);
        writeU29(count << 1 | 1);
        out.u8(fixed ? 1 : 0);
    }

    private void writeString(String text) {
        if (text.isEmpty()) {
            writeU29(1);
            return;
        }
        Integer index = strings.get(text);
        if (index != null) {
            writeU29(index << 1);
            return;
        }
        strings.put(text, strings.size());
        writeInlineBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private void writeInlineBytes(byte[] bytes) {
        writeU29(bytes.length << 1 | 1);
        out.bytes(bytes);
    }

    /** Section 1.3.1; {@code value} must be within [0, 2^29). */
    private void writeU29(int value) {
        if (value < 0 || value > 0x1FFF_FFFF) {
            throw new IllegalArgumentException("value does not fit in U29: " + value);
        }
        if (value < 0x80) {
            out.u8(value);
        } else if (value < 0x4000) {
            out.u8(value >>> 7 | 0x80);
            out.u8(value & 0x7F);
        } else if (value < 0x20_0000) {
            out.u8(value >>> 14 | 0x80);
            out.u8(value >>> 7 & 0x7F | 0x80);
            out.u8(value & 0x7F);
        } else {
            out.u8(value >>> 22 | 0x80);
            out.u8(value >>> 15 & 0x7F | 0x80);
            out.u8(value >>> 8 & 0x7F | 0x80);
            out.u8(value & 0xFF);
        }
    }
}

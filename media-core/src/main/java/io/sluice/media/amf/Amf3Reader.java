package io.sluice.media.amf;

import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes AMF3 values from one complete payload. The string and traits reference tables live as long as
 * the reader, as in one AMF3 serialization context; references are checked against what was actually
 * read. Externalizable objects are refused with a {@link MediaFormatException}: their body is
 * class-specific and cannot be skipped without knowing the class.
 */
public final class Amf3Reader {

    private final AmfInput in;
    private final AmfLimits limits;
    private final List<String> strings = new ArrayList<>();
    private final List<Amf3Traits> traits = new ArrayList<>();
    private int objects;
    private int depth;

    /** A reader over all of {@code data}. */
    public Amf3Reader(byte[] data, AmfLimits limits) {
        this(new AmfInput(data, 0, data.length), limits, 0);
    }

    /** A reader continuing an AMF0 payload after an avmplus marker, nested {@code depth} containers deep. */
    Amf3Reader(AmfInput in, AmfLimits limits, int depth) {
        this.in = in;
        this.limits = limits;
        this.depth = depth;
    }

    /** Whether bytes remain after the values read so far. */
    public boolean hasRemaining() {
        return in.hasRemaining();
    }

    /** Reads the next value. */
    public Amf3Value read() {
        int marker = in.u8();
        in.countValue(limits);
        return switch (marker) {
            case Amf3Value.UNDEFINED -> Amf3Undefined.INSTANCE;
            case Amf3Value.NULL -> Amf3Null.INSTANCE;
            case Amf3Value.FALSE -> Amf3Boolean.FALSE;
            case Amf3Value.TRUE -> Amf3Boolean.TRUE;
            case Amf3Value.INTEGER -> new Amf3Integer(signExtend29(readU29()));
            case Amf3Value.DOUBLE -> new Amf3Double(in.f64());
            case Amf3Value.STRING -> new Amf3String(readString());
            case Amf3Value.XML_DOCUMENT -> readXml(false);
            case Amf3Value.DATE -> readDate();
            case Amf3Value.ARRAY -> readArray();
            case Amf3Value.OBJECT -> readObject();
            case Amf3Value.XML -> readXml(true);
            case Amf3Value.BYTE_ARRAY -> readByteArray();
            case Amf3Value.VECTOR_INT, Amf3Value.VECTOR_UINT, Amf3Value.VECTOR_DOUBLE -> readNumberVector(marker);
            case Amf3Value.VECTOR_OBJECT -> readObjectVector();
            case Amf3Value.DICTIONARY -> readDictionary();
            default -> throw new MediaFormatException("unknown AMF3 marker 0x" + Integer.toHexString(marker)
                    + " at offset " + (in.position() - 1));
        };
    }

    /** Reads values until the payload ends, at most {@link AmfLimits#maxTopLevelValues()} of them. */
    public List<Amf3Value> readAll() {
        List<Amf3Value> values = new ArrayList<>();
        while (in.hasRemaining()) {
            LimitExceededException.check(AmfLimits.MAX_TOP_LEVEL_VALUES, limits.maxTopLevelValues(),
                    values.size() + 1L);
            values.add(read());
        }
        return values;
    }

    /** Section 1.3.1: up to three 7-bit groups with a continuation bit, then a full 8-bit group. */
    private int readU29() {
        int value = 0;
        for (int i = 0; i < 3; i++) {
            int b = in.u8();
            if (b < 0x80) {
                return value | b;
            }
            value = (value | b & 0x7F) << 7;
        }
        return value << 1 | in.u8();
    }

    private static int signExtend29(int value) {
        return value << 3 >> 3;
    }

    /** Section 3.8: the low bit tells an inline string (length above it) from a string-table index. */
    private String readString() {
        int header = readU29();
        if ((header & 1) == 0) {
            int index = header >>> 1;
            if (index >= strings.size()) {
                throw new MediaFormatException("AMF3 string reference " + index + " past the " + strings.size()
                        + " strings read so far");
            }
            return strings.get(index);
        }
        int length = header >>> 1;
        LimitExceededException.check(AmfLimits.MAX_STRING_LENGTH, limits.maxStringLength(), length);
        if (length == 0) {
            return "";
        }
        String value = in.utf8(length);
        strings.add(value);
        return value;
    }

    /**
     * Reads the U29 header of a value that lives in the object table (section 2.2). An inline value gets
     * the next table slot and its header bits above the low bit come back (never negative); a reference
     * comes back as {@code -1 - index}, already checked against the table.
     */
    private int readObjectHeader() {
        int header = readU29();
        if ((header & 1) == 0) {
            int index = header >>> 1;
            if (index >= objects) {
                throw new MediaFormatException("AMF3 object reference " + index + " past the " + objects
                        + " objects read so far");
            }
            return -1 - index;
        }
        objects++;
        return header >>> 1;
    }

    private static Amf3Reference reference(int marker, int header) {
        return new Amf3Reference(marker, -1 - header);
    }

    private Amf3Value readXml(boolean e4x) {
        int length = readObjectHeader();
        if (length < 0) {
            return reference(e4x ? Amf3Value.XML : Amf3Value.XML_DOCUMENT, length);
        }
        LimitExceededException.check(AmfLimits.MAX_STRING_LENGTH, limits.maxStringLength(), length);
        String xml = in.utf8(length);
        return e4x ? new Amf3Xml(xml) : new Amf3XmlDocument(xml);
    }

    private Amf3Value readDate() {
        int header = readObjectHeader();
        if (header < 0) {
            return reference(Amf3Value.DATE, header);
        }
        return new Amf3Date(in.f64());
    }

    private Amf3Value readByteArray() {
        int length = readObjectHeader();
        if (length < 0) {
            return reference(Amf3Value.BYTE_ARRAY, length);
        }
        LimitExceededException.check(AmfLimits.MAX_STRING_LENGTH, limits.maxStringLength(), length);
        return new Amf3ByteArray(in.bytes(length));
    }

    /** Section 3.11: associative members up to an empty key, then the dense values. */
    private Amf3Value readArray() {
        int denseCount = readObjectHeader();
        if (denseCount < 0) {
            return reference(Amf3Value.ARRAY, denseCount);
        }
        LimitExceededException.check(AmfLimits.MAX_MEMBERS, limits.maxMembers(), denseCount);
        enterContainer();
        List<Amf3Property> associative = new ArrayList<>();
        int members = denseCount;
        for (String key = readString(); !key.isEmpty(); key = readString()) {
            members++;
            LimitExceededException.check(AmfLimits.MAX_MEMBERS, limits.maxMembers(), members);
            associative.add(new Amf3Property(key, read()));
        }
        in.requireItems(denseCount, 1, "AMF3 array");
        List<Amf3Value> dense = new ArrayList<>(denseCount);
        for (int i = 0; i < denseCount; i++) {
            dense.add(read());
        }
        depth--;
        return new Amf3Array(associative, dense);
    }

    /** Section 3.12: the U29O header carries the object reference, traits reference or inline traits. */
    private Amf3Value readObject() {
        int header = readObjectHeader();
        if (header < 0) {
            return reference(Amf3Value.OBJECT, header);
        }
        Amf3Traits objectTraits = readTraits(header);
        enterContainer();
        List<Amf3Value> sealedValues = new ArrayList<>(objectTraits.sealedMemberNames().size());
        for (int i = 0; i < objectTraits.sealedMemberNames().size(); i++) {
            sealedValues.add(read());
        }
        List<Amf3Property> dynamicMembers = new ArrayList<>();
        if (objectTraits.dynamic()) {
            int members = sealedValues.size();
            for (String name = readString(); !name.isEmpty(); name = readString()) {
                members++;
                LimitExceededException.check(AmfLimits.MAX_MEMBERS, limits.maxMembers(), members);
                dynamicMembers.add(new Amf3Property(name, read()));
            }
        }
        depth--;
        return new Amf3Object(objectTraits, sealedValues, dynamicMembers);
    }

    /** {@code header} is the U29O value without its object-reference bit. */
    private Amf3Traits readTraits(int header) {
        if ((header & 1) == 0) {
            int index = header >>> 1;
            if (index >= traits.size()) {
                throw new MediaFormatException("AMF3 traits reference " + index + " past the " + traits.size()
                        + " traits read so far");
            }
            return traits.get(index);
        }
        if ((header & 2) != 0) {
            throw new MediaFormatException("externalizable AMF3 objects are not supported");
        }
        boolean dynamic = (header & 4) != 0;
        int sealedCount = header >>> 3;
        LimitExceededException.check(AmfLimits.MAX_MEMBERS, limits.maxMembers(), sealedCount);
        String className = readString();
        in.requireItems(sealedCount, 1, "AMF3 traits");
        List<String> names = new ArrayList<>(sealedCount);
        for (int i = 0; i < sealedCount; i++) {
            names.add(readString());
        }
        Amf3Traits inline = new Amf3Traits(className, dynamic, names);
        traits.add(inline);
        return inline;
    }

    private Amf3Value readNumberVector(int marker) {
        int count = readObjectHeader();
        if (count < 0) {
            return reference(marker, count);
        }
        LimitExceededException.check(AmfLimits.MAX_MEMBERS, limits.maxMembers(), count);
        boolean fixed = in.u8() != 0;
        int itemSize = marker == Amf3Value.VECTOR_DOUBLE ? 8 : 4;
        in.requireItems(count, itemSize, "AMF3 vector");
        return switch (marker) {
            case Amf3Value.VECTOR_INT -> {
                List<Integer> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(in.s32());
                }
                yield new Amf3VectorInt(fixed, items);
            }
            case Amf3Value.VECTOR_UINT -> {
                List<Long> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(in.u32());
                }
                yield new Amf3VectorUint(fixed, items);
            }
            default -> {
                List<Double> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(in.f64());
                }
                yield new Amf3VectorDouble(fixed, items);
            }
        };
    }

    private Amf3Value readObjectVector() {
        int count = readObjectHeader();
        if (count < 0) {
            return reference(Amf3Value.VECTOR_OBJECT, count);
        }
        LimitExceededException.check(AmfLimits.MAX_MEMBERS, limits.maxMembers(), count);
        boolean fixed = in.u8() != 0;
        String typeName = readString();
        in.requireItems(count, 1, "AMF3 object vector");
        enterContainer();
        List<Amf3Value> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(read());
        }
        depth--;
        return new Amf3VectorObject(fixed, typeName, items);
    }

    private Amf3Value readDictionary() {
        int count = readObjectHeader();
        if (count < 0) {
            return reference(Amf3Value.DICTIONARY, count);
        }
        LimitExceededException.check(AmfLimits.MAX_MEMBERS, limits.maxMembers(), count);
        boolean weakKeys = in.u8() != 0;
        in.requireItems(count, 2, "AMF3 dictionary");
        enterContainer();
        List<Amf3Dictionary.Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Amf3Value key = read();
            entries.add(new Amf3Dictionary.Entry(key, read()));
        }
        depth--;
        return new Amf3Dictionary(weakKeys, entries);
    }

    private void enterContainer() {
        depth++;
        LimitExceededException.check(AmfLimits.MAX_DEPTH, limits.maxDepth(), depth);
    }
}

package io.sluice.media.amf;

import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes AMF0 values from one complete payload, such as the body of an RTMP command or data message.
 * Every failure is a {@link MediaFormatException} (a {@link LimitExceededException} when an
 * {@link AmfLimits} bound is broken); nothing is allocated from a size before that size is checked.
 */
public final class Amf0Reader {

    private final AmfInput in;
    private final AmfLimits limits;
    private int depth;
    private int containersStarted;

    /** A reader over all of {@code data}. */
    public Amf0Reader(byte[] data, AmfLimits limits) {
        this(data, 0, data.length, limits);
    }

    /** A reader over {@code length} bytes of {@code data} from {@code offset}. */
    public Amf0Reader(byte[] data, int offset, int length, AmfLimits limits) {
        this.in = new AmfInput(data, offset, length);
        this.limits = limits;
    }

    /** Whether bytes remain after the values read so far. */
    public boolean hasRemaining() {
        return in.hasRemaining();
    }

    /** The offset in the source array of the next value. */
    public int position() {
        return in.position();
    }

    /** Reads the next value. */
    public Amf0Value read() {
        return readValue(in.u8());
    }

    /** Reads values until the payload ends, at most {@link AmfLimits#maxTopLevelValues()} of them. */
    public List<Amf0Value> readAll() {
        List<Amf0Value> values = new ArrayList<>();
        while (in.hasRemaining()) {
            LimitExceededException.check(AmfLimits.MAX_TOP_LEVEL_VALUES, limits.maxTopLevelValues(),
                    values.size() + 1L);
            values.add(read());
        }
        return values;
    }

    private Amf0Value readValue(int marker) {
        in.countValue(limits);
        return switch (marker) {
            case Amf0Value.NUMBER -> new Amf0Number(in.f64());
            case Amf0Value.BOOLEAN -> in.u8() != 0 ? Amf0Boolean.TRUE : Amf0Boolean.FALSE;
            case Amf0Value.STRING -> new Amf0String(readUtf8(in.u16()));
            case Amf0Value.OBJECT -> new Amf0Object(readContainerProperties(false));
            case Amf0Value.NULL -> Amf0Null.INSTANCE;
            case Amf0Value.UNDEFINED -> Amf0Undefined.INSTANCE;
            case Amf0Value.REFERENCE -> readReference();
            case Amf0Value.ECMA_ARRAY -> readEcmaArray();
            case Amf0Value.STRICT_ARRAY -> readStrictArray();
            case Amf0Value.DATE -> new Amf0Date(in.f64(), in.s16());
            case Amf0Value.LONG_STRING -> new Amf0LongString(readUtf8(in.u32()));
            case Amf0Value.UNSUPPORTED -> Amf0Unsupported.INSTANCE;
            case Amf0Value.XML_DOCUMENT -> new Amf0XmlDocument(readUtf8(in.u32()));
            case Amf0Value.TYPED_OBJECT -> readTypedObject();
            case Amf0Value.AVMPLUS -> new Amf0Avmplus(new Amf3Reader(in, limits, depth).read());
            case Amf0Value.OBJECT_END -> throw new MediaFormatException(
                    "AMF0 object-end marker outside an object at offset " + (in.position() - 1));
            case Amf0Value.MOVIECLIP, Amf0Value.RECORDSET -> throw new MediaFormatException(
                    "reserved AMF0 marker 0x" + Integer.toHexString(marker));
            default -> throw new MediaFormatException("unknown AMF0 marker 0x" + Integer.toHexString(marker)
                    + " at offset " + (in.position() - 1));
        };
    }

    private Amf0Reference readReference() {
        int index = in.u16();
        if (index >= containersStarted) {
            throw new MediaFormatException("AMF0 reference " + index + " points past the " + containersStarted
                    + " objects read so far");
        }
        return new Amf0Reference(index);
    }

    /**
     * The declared count is a hint that encoders get wrong (section 2.10 calls it the associative count;
     * some write 0), so it is skipped. A payload that ends right after the last property without the
     * object-end marker is accepted, as librtmp and ffmpeg do, since some encoders omit it at the very end
     * of onMetaData.
     */
    private Amf0EcmaArray readEcmaArray() {
        in.u32();
        return new Amf0EcmaArray(readContainerProperties(true));
    }

    private Amf0TypedObject readTypedObject() {
        String className = readUtf8(in.u16());
        return new Amf0TypedObject(className, readContainerProperties(false));
    }

    private List<Amf0Property> readContainerProperties(boolean endMarkerOptional) {
        enterContainer();
        List<Amf0Property> properties = new ArrayList<>();
        int members = 0;
        while (true) {
            if (endMarkerOptional && !in.hasRemaining()) {
                break;
            }
            String name = readUtf8(in.u16());
            int marker = in.u8();
            if (name.isEmpty() && marker == Amf0Value.OBJECT_END) {
                break;
            }
            members++;
            LimitExceededException.check(AmfLimits.MAX_MEMBERS, limits.maxMembers(), members);
            properties.add(new Amf0Property(name, readValue(marker)));
        }
        depth--;
        return properties;
    }

    private Amf0StrictArray readStrictArray() {
        long count = in.u32();
        LimitExceededException.check(AmfLimits.MAX_MEMBERS, limits.maxMembers(), count);
        in.requireItems(count, 1, "AMF0 strict array");
        enterContainer();
        List<Amf0Value> values = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            values.add(read());
        }
        depth--;
        return new Amf0StrictArray(values);
    }

    private void enterContainer() {
        depth++;
        LimitExceededException.check(AmfLimits.MAX_DEPTH, limits.maxDepth(), depth);
        containersStarted++;
    }

    private String readUtf8(long length) {
        LimitExceededException.check(AmfLimits.MAX_STRING_LENGTH, limits.maxStringLength(), length);
        return in.utf8((int) length);
    }
}

package io.sluice.media.amf;

/**
 * One AMF0 value (AMF 0 specification, section 2). Each type marker has its own record; the object-end
 * marker (0x09) is a terminator, not a value, and the reserved movieclip (0x04) and recordset (0x0E)
 * markers are rejected as malformed.
 */
public sealed interface Amf0Value
        permits Amf0Number, Amf0Boolean, Amf0String, Amf0Object, Amf0Null, Amf0Undefined, Amf0Reference,
                Amf0EcmaArray, Amf0StrictArray, Amf0Date, Amf0LongString, Amf0Unsupported, Amf0XmlDocument,
                Amf0TypedObject, Amf0Avmplus {

    /** Marker bytes from section 2.1. */
    int NUMBER = 0x00;
    int BOOLEAN = 0x01;
    int STRING = 0x02;
    int OBJECT = 0x03;
    int MOVIECLIP = 0x04;
    int NULL = 0x05;
    int UNDEFINED = 0x06;
    int REFERENCE = 0x07;
    int ECMA_ARRAY = 0x08;
    int OBJECT_END = 0x09;
    int STRICT_ARRAY = 0x0A;
    int DATE = 0x0B;
    int LONG_STRING = 0x0C;
    int UNSUPPORTED = 0x0D;
    int RECORDSET = 0x0E;
    int XML_DOCUMENT = 0x0F;
    int TYPED_OBJECT = 0x10;
    int AVMPLUS = 0x11;

    /**
     * The text of a string or long string, or of an AMF3 string after the avmplus switch (how Flash Player
     * sends the arguments of a type 17 command, such as publish's stream name, when the connection speaks
     * AMF3); {@code null} for any other type.
     */
    default String asText() {
        return switch (this) {
            case Amf0String s -> s.value();
            case Amf0LongString s -> s.value();
            case Amf0Avmplus(Amf3String s) -> s.value();
            default -> null;
        };
    }
}

package io.sluice.media.amf;

/**
 * One AMF3 value (AMF 3 specification, section 3). RTMP only meets AMF3 behind the AMF0 avmplus marker, in
 * command (type 17) and data (type 15) messages, or from Flash-era clients that negotiated
 * {@code objectEncoding} 3.
 */
public sealed interface Amf3Value
        permits Amf3Undefined, Amf3Null, Amf3Boolean, Amf3Integer, Amf3Double, Amf3String, Amf3XmlDocument,
                Amf3Date, Amf3Array, Amf3Object, Amf3Xml, Amf3ByteArray, Amf3VectorInt, Amf3VectorUint,
                Amf3VectorDouble, Amf3VectorObject, Amf3Dictionary, Amf3Reference {

    /** Marker bytes from section 3.1. */
    int UNDEFINED = 0x00;
    int NULL = 0x01;
    int FALSE = 0x02;
    int TRUE = 0x03;
    int INTEGER = 0x04;
    int DOUBLE = 0x05;
    int STRING = 0x06;
    int XML_DOCUMENT = 0x07;
    int DATE = 0x08;
    int ARRAY = 0x09;
    int OBJECT = 0x0A;
    int XML = 0x0B;
    int BYTE_ARRAY = 0x0C;
    int VECTOR_INT = 0x0D;
    int VECTOR_UINT = 0x0E;
    int VECTOR_DOUBLE = 0x0F;
    int VECTOR_OBJECT = 0x10;
    int DICTIONARY = 0x11;
}

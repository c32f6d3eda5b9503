package io.sluice.media.amf;

/**
 * A reference into the object table (section 2.2): the zero-based index of an earlier XML document, date,
 * array, object, XML, byte array, vector or dictionary of the same AMF3 context. Kept unresolved, see the
 * package documentation; the reader checks that the index exists. {@code marker} is the type marker the
 * reference was sent with, which tells what kind of value it points at.
 */
public record Amf3Reference(int marker, int index) implements Amf3Value {

    public Amf3Reference {
        if (marker < Amf3Value.XML_DOCUMENT || marker > Amf3Value.DICTIONARY) {
            throw new IllegalArgumentException("type 0x" + Integer.toHexString(marker) + " has no object reference");
        }
        if (index < 0 || index > Amf3Integer.MAX) {
            throw new IllegalArgumentException("reference index out of U29 range: " + index);
        }
    }
}

package io.sluice.media.amf;

import java.util.Objects;

/** XML document type (0x0F): UTF-8 text with a 32-bit length, like a long string. */
public record Amf0XmlDocument(String xml) implements Amf0Value {

    public Amf0XmlDocument {
        Objects.requireNonNull(xml, "xml");
    }
}

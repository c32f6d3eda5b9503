package io.sluice.media.amf;

import java.util.Objects;

/** XMLDocument type (0x07): legacy flash.xml.XMLDocument text. */
public record Amf3XmlDocument(String xml) implements Amf3Value {

    public Amf3XmlDocument {
        Objects.requireNonNull(xml, "xml");
    }
}

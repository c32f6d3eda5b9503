package io.sluice.media.amf;

import java.util.Objects;

/** XML type (0x0B): E4X XML text. */
public record Amf3Xml(String xml) implements Amf3Value {

    public Amf3Xml {
        Objects.requireNonNull(xml, "xml");
    }
}

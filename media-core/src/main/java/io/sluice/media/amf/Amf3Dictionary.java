package io.sluice.media.amf;

import java.util.List;
import java.util.Objects;

/**
 * Dictionary type (0x11): key/value pairs where keys are any AMF3 value, kept as an ordered list because
 * keys need not be hashable strings; {@code weakKeys} is the flash.utils.Dictionary flag.
 */
public record Amf3Dictionary(boolean weakKeys, List<Entry> entries) implements Amf3Value {

    public Amf3Dictionary {
        entries = List.copyOf(entries);
    }

    /** One key/value pair. */
    public record Entry(Amf3Value key, Amf3Value value) {

        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }
}

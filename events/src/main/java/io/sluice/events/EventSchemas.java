package io.sluice.events;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.IOException;

/**
 * Where the JSON Schema (draft 2020-12) of each control event's {@code data} is: shipped in this jar under
 * {@value #DIRECTORY}, one file named after the type ({@code io.sluice.recording.ready.json}), and copied,
 * identical, into the repository's {@code docs/events/}. Media events have none: their data is an FLV tag body.
 */
public final class EventSchemas {

    /** The class-path directory of the schemas. */
    public static final String DIRECTORY = "io/sluice/events/schemas/";

    private EventSchemas() {
    }

    /** The file name of the schema of {@code type}'s data. */
    public static String fileName(EventType type) {
        if (type.isMedia()) {
            throw new IllegalArgumentException(type.typeName() + " carries an FLV tag body, not JSON");
        }
        return type.typeName() + ".json";
    }

    /** The schema of {@code type}'s data, from the class path. */
    public static InputStream open(EventType type) {
        String resource = DIRECTORY + fileName(type);
        InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing from the class path: " + resource));
        }
        return in;
    }
}

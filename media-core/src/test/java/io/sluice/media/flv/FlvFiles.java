package io.sluice.media.flv;

import io.sluice.media.testvectors.Vectors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a committed FLV vector into its elements. */
public final class FlvFiles {

    private FlvFiles() {
    }

    /** Header first, then every tag. */
    public static List<FlvElement> read(String name) {
        return read(Vectors.media(name));
    }

    /** Header first, then every tag. */
    public static List<FlvElement> read(byte[] file) {
        try {
            var reader = new FlvStreamReader(new ByteArrayInputStream(file), FlvLimits.DEFAULTS);
            List<FlvElement> elements = new ArrayList<>();
            for (Optional<FlvElement> e = reader.next(); e.isPresent(); e = reader.next()) {
                elements.add(e.get());
            }
            return elements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tags only. */
    public static List<FlvTag> tags(String name) {
        return read(name).stream().filter(FlvTag.class::isInstance).map(FlvTag.class::cast).toList();
    }
}

package io.sluice.testkit;

import io.sluice.media.flv.FlvElement;
import io.sluice.media.flv.FlvLimits;
import io.sluice.media.flv.FlvStreamReader;
import io.sluice.media.flv.FlvTag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The tags of an FLV file, read with media-core's reader: a clip to send, or what a server recorded. */
public final class FlvTags {

    private FlvTags() {
    }

    public static List<FlvTag> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            FlvStreamReader reader = new FlvStreamReader(in, FlvLimits.DEFAULTS);
            List<FlvTag> tags = new ArrayList<>();
            for (Optional<FlvElement> element = reader.next(); element.isPresent(); element = reader.next()) {
                if (element.get() instanceof FlvTag tag) {
                    tags.add(tag);
                }
            }
            return tags;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.sluice.recording.support;

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

/** The tags of an FLV file, read with media-core's reader. */
public final class FlvClips {

    private FlvClips() {
    }

    public static List<FlvTag> tags(Path file) {
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

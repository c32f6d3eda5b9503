package io.sluice.ingest.support;

import io.sluice.media.flv.FlvElement;
import io.sluice.media.flv.FlvLimits;
import io.sluice.media.flv.FlvStreamReader;
import io.sluice.media.flv.FlvTag;
import io.sluice.media.flv.FlvTagType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The tags of a source FLV, read with media-core's reader. */
public final class SourceTags {

    private SourceTags() {
    }

    public static List<FlvTag> of(Path flv, FlvTagType type) {
        List<FlvTag> tags = new ArrayList<>();
        try (InputStream in = Files.newInputStream(flv)) {
            FlvStreamReader reader = new FlvStreamReader(in, FlvLimits.DEFAULTS);
            Optional<FlvElement> element;
            while ((element = reader.next()).isPresent()) {
                if (element.get() instanceof FlvTag tag && tag.type() == type) {
                    tags.add(tag);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + flv, e);
        }
        return tags;
    }

    /** The tag bodies: what the media events' payloads must equal. */
    public static List<byte[]> bodies(Path flv, FlvTagType type) {
        return of(flv, type).stream().map(tag -> tag.body().toByteArray()).toList();
    }
}

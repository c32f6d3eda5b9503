package io.sluice.recording.support;

import io.sluice.media.flv.FlvTag;
import io.sluice.testkit.FlvTags;
import java.nio.file.Path;
import java.util.List;

/** The tags of an FLV file, read with media-core's reader. */
public final class FlvClips {

    private FlvClips() {
    }

    public static List<FlvTag> tags(Path file) {
        return FlvTags.read(file);
    }
}

package io.sluice.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** The committed test clips every module's tests share (see media-core/src/test/resources/media/README.md). */
public final class TestMedia {

    private TestMedia() {
    }

    /** 3 s of 320x240 H.264 + AAC in FLV: 77 video tags, 132 audio tags, one onMetaData. */
    public static Path testsrcClip() {
        return file("testsrc-320x240-3s.flv");
    }

    /** One of the committed files, by name: clips from real encoders, codec configurations and frames. */
    public static Path file(String name) {
        Path clip = TestStack.root().resolve("media-core/src/test/resources/media").resolve(name);
        if (!Files.isRegularFile(clip)) {
            throw new IllegalStateException("missing test clip " + clip);
        }
        return clip;
    }
}

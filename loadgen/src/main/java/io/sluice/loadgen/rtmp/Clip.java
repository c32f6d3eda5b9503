package io.sluice.loadgen.rtmp;

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

/**
 * The tags of an FLV file, held in memory and shared by every publisher, so that reading the file costs
 * nothing during a run. Played in a loop, each pass is {@link #loopMillis()} later than the one before.
 */
public final class Clip {

    /** One tag: its type, its timestamp relative to the first tag, and its body as the file holds it. */
    public record Tag(FlvTagType type, long timestamp, byte[] body) {
    }

    private final Path file;
    private final List<Tag> tags;
    private final long loopMillis;
    private final long bytes;

    private Clip(Path file, List<Tag> tags, long loopMillis) {
        this.file = file;
        this.tags = List.copyOf(tags);
        this.loopMillis = loopMillis;
        this.bytes = tags.stream().mapToLong(t -> t.body().length).sum();
    }

    /** Reads {@code file}; it must hold at least one audio or video tag. */
    public static Clip read(Path file) throws IOException {
        List<Tag> tags = new ArrayList<>();
        long first = -1;
        try (InputStream in = Files.newInputStream(file)) {
            FlvStreamReader reader = new FlvStreamReader(in, FlvLimits.DEFAULTS);
            Optional<FlvElement> element;
            while ((element = reader.next()).isPresent()) {
                if (element.get() instanceof FlvTag tag) {
                    first = first < 0 ? tag.timestamp() : first;
                    tags.add(new Tag(tag.type(), tag.timestamp() - first, tag.body().toByteArray()));
                }
            }
        }
        if (tags.stream().noneMatch(t -> t.type() != FlvTagType.SCRIPT_DATA)) {
            throw new IllegalArgumentException(file + " holds no audio or video tag");
        }
        return new Clip(file, tags, loopLength(tags));
    }

    public Path file() {
        return file;
    }

    public List<Tag> tags() {
        return tags;
    }

    /** The time from one pass's first tag to the next pass's: the clip's length plus one frame. */
    public long loopMillis() {
        return loopMillis;
    }

    /** Body bytes of one pass. */
    public long bytes() {
        return bytes;
    }

    /** The clip's bitrate, from its body bytes and its length. */
    public double bitsPerSecond() {
        return bytes * 8 * 1000.0 / loopMillis;
    }

    /** The last timestamp plus the mean gap between video frames (audio frames when there is no video). */
    private static long loopLength(List<Tag> tags) {
        FlvTagType paced = tags.stream().anyMatch(t -> t.type() == FlvTagType.VIDEO) ? FlvTagType.VIDEO : FlvTagType.AUDIO;
        List<Tag> frames = tags.stream().filter(t -> t.type() == paced).toList();
        long last = tags.stream().mapToLong(Tag::timestamp).max().orElse(0);
        long span = frames.getLast().timestamp() - frames.getFirst().timestamp();
        long gap = frames.size() > 1 ? Math.max(1, span / (frames.size() - 1)) : 40;
        return last + gap;
    }
}

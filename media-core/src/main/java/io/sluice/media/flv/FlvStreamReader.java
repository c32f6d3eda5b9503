package io.sluice.media.flv;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads FLV elements from an {@link InputStream} handed to it, using an {@link FlvReader} underneath. */
public final class FlvStreamReader {

    private static final int CHUNK = 16 * 1024;

    private final InputStream input;
    private final FlvLimits limits;
    private final FlvReader reader;
    private final byte[] chunk = new byte[CHUNK];
    private boolean finished;

    /** A reader over {@code input}; closing the stream stays with the caller. */
    public FlvStreamReader(InputStream input, FlvLimits limits) {
        this.input = input;
        this.limits = limits;
        this.reader = new FlvReader(limits);
    }

    /**
     * The next header or tag, or empty at a clean end of stream.
     *
     * @throws io.sluice.media.error.MediaFormatException on malformed or truncated input
     */
    public Optional<FlvElement> next() throws IOException {
        while (true) {
            Optional<FlvElement> element = reader.next();
            if (element.isPresent() || finished) {
                return element;
            }
            // The reader holds less than one element here, so the limits leave room for at least a byte.
            int read = input.read(chunk, 0, Math.min(chunk.length, limits.maxBufferedBytes() - reader.bufferedBytes()));
            if (read < 0) {
                finished = true;
                reader.finish();
                return Optional.empty();
            }
            reader.feed(chunk, 0, read);
        }
    }
}

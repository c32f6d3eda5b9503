package io.sluice.media.flv;

import io.sluice.media.codec.ImmutableBytes;
import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A push-mode FLV reader: {@link #feed} bytes as they arrive, then call {@link #next} until it returns empty,
 * which means "need more bytes", the normal result on a partial read. Each PreviousTagSize is checked against the
 * tag before it, tag bodies are bounded by {@link FlvLimits#maxTagSize()}, the bytes held between {@link #feed} and
 * {@link #next} by {@link FlvLimits#maxBufferedBytes()}, and {@link #finish} reports a stream that stops inside the
 * header or a tag instead of dropping the partial tag.
 *
 * <p>The first malformed input or broken limit moves the reader to {@link State#FAILED} for good; every later call
 * throws the same {@link MediaFormatException} again.
 */
public final class FlvReader {

    /** Where the reader stands in the FLV byte stream. */
    public enum State {
        /** Waiting for the 9-byte file header (and any extension up to DataOffset). */
        HEADER,
        /** Waiting for a 4-byte PreviousTagSize. */
        PREVIOUS_TAG_SIZE,
        /** Waiting for a tag header and body. */
        TAG,
        /** Malformed input was seen; terminal. */
        FAILED
    }

    private static final int SIGNATURE = 0x464C56;
    private static final int PREVIOUS_TAG_SIZE_BYTES = 4;
    private static final int INITIAL_CAPACITY = 4096;

    private final FlvLimits limits;
    private byte[] buffer = new byte[INITIAL_CAPACITY];
    private int start;
    private int end;
    private State state = State.HEADER;
    private long expectedPreviousTagSize;
    private MediaFormatException failure;

    /** A reader expecting an FLV file header first. */
    public FlvReader(FlvLimits limits) {
        this.limits = limits;
    }

    /** The current state. */
    public State state() {
        return state;
    }

    /** Bytes fed but not yet consumed as a complete element. */
    public int bufferedBytes() {
        return end - start;
    }

    /**
     * Appends {@code length} bytes of {@code data} from {@code offset}; they are copied.
     *
     * @throws LimitExceededException if the reader would then hold more than {@link FlvLimits#maxBufferedBytes()}
     *                                bytes: read the elements fed so far with {@link #next} before feeding more
     * @throws MediaFormatException   if the reader failed earlier
     */
    public void feed(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IndexOutOfBoundsException("range out of bounds");
        }
        if (state == State.FAILED) {
            throw failure;
        }
        try {
            LimitExceededException.check(FlvLimits.MAX_BUFFERED_BYTES, limits.maxBufferedBytes(),
                    (long) end - start + length);
        } catch (LimitExceededException e) {
            fail(e);
            throw e;
        }
        if (buffer.length - end < length) {
            compactFor(length);
        }
        System.arraycopy(data, offset, buffer, end, length);
        end += length;
    }

    /** Appends all of {@code data}. */
    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    /**
     * The next header or tag, or empty when more bytes are needed.
     *
     * @throws MediaFormatException on malformed input ({@link LimitExceededException} for an oversized tag)
     */
    public Optional<FlvElement> next() {
        try {
            while (true) {
                switch (state) {
                    case FAILED -> throw failure;
                    case HEADER -> {
                        return readHeader();
                    }
                    case PREVIOUS_TAG_SIZE -> {
                        if (!readPreviousTagSize()) {
                            return Optional.empty();
                        }
                    }
                    case TAG -> {
                        return readTag();
                    }
                }
            }
        } catch (MediaFormatException e) {
            fail(e);
            throw e;
        }
    }

    /**
     * Declares the end of input. Returns normally only if the stream ended cleanly, right after a
     * PreviousTagSize; otherwise reports what was cut off.
     *
     * @throws MediaFormatException if the stream stopped inside the header, a tag or a PreviousTagSize
     */
    public void finish() {
        if (state == State.FAILED) {
            throw failure;
        }
        int buffered = end - start;
        if (state == State.TAG && buffered == 0) {
            return;
        }
        String where = switch (state) {
            case HEADER -> "the FLV header";
            case PREVIOUS_TAG_SIZE -> "a PreviousTagSize";
            case TAG -> "a tag";
            case FAILED -> throw failure;
        };
        var truncated = new MediaFormatException("FLV stream truncated inside " + where + " (" + buffered
                + " bytes left over)");
        fail(truncated);
        throw truncated;
    }

    private Optional<FlvElement> readHeader() {
        if (end - start < FlvHeader.SIZE) {
            return Optional.empty();
        }
        int signature = ((buffer[start] & 0xFF) << 16) | ((buffer[start + 1] & 0xFF) << 8) | (buffer[start + 2] & 0xFF);
        if (signature != SIGNATURE) {
            throw new MediaFormatException("not an FLV stream: signature missing");
        }
        long dataOffset = u32(start + 5);
        if (dataOffset < FlvHeader.SIZE) {
            throw new MediaFormatException("FLV DataOffset " + dataOffset + " is smaller than the header");
        }
        LimitExceededException.check(FlvLimits.MAX_HEADER_EXTENSION, limits.maxHeaderExtension(),
                dataOffset - FlvHeader.SIZE);
        if (end - start < dataOffset) {
            return Optional.empty();
        }
        var header = new FlvHeader(buffer[start + 3] & 0xFF, buffer[start + 4] & 0xFF,
                ImmutableBytes.copyOf(buffer, start + FlvHeader.SIZE, (int) dataOffset - FlvHeader.SIZE));
        start += (int) dataOffset;
        expectedPreviousTagSize = 0;
        state = State.PREVIOUS_TAG_SIZE;
        return Optional.of(header);
    }

    private boolean readPreviousTagSize() {
        if (end - start < PREVIOUS_TAG_SIZE_BYTES) {
            return false;
        }
        long previous = u32(start);
        if (previous != expectedPreviousTagSize) {
            throw new MediaFormatException("PreviousTagSize " + previous + " does not match the "
                    + expectedPreviousTagSize + " bytes of the tag before it");
        }
        start += PREVIOUS_TAG_SIZE_BYTES;
        state = State.TAG;
        return true;
    }

    private Optional<FlvElement> readTag() {
        if (end - start < FlvTag.HEADER_SIZE) {
            return Optional.empty();
        }
        int typeByte = buffer[start] & 0xFF;
        if ((typeByte & 0xC0) != 0) {
            throw new MediaFormatException("FLV tag reserved bits set: 0x" + Integer.toHexString(typeByte));
        }
        FlvTagType type = FlvTagType.of(typeByte & 0x1F);
        int dataSize = u24(start + 1);
        LimitExceededException.check(FlvLimits.MAX_TAG_SIZE, limits.maxTagSize(), dataSize);
        if (end - start < FlvTag.HEADER_SIZE + dataSize) {
            return Optional.empty();
        }
        long timestamp = u24(start + 4) | ((long) (buffer[start + 7] & 0xFF) << 24);
        int streamId = u24(start + 8);
        var tag = new FlvTag(type, (typeByte & 0x20) != 0, timestamp, streamId,
                ImmutableBytes.copyOf(buffer, start + FlvTag.HEADER_SIZE, dataSize));
        start += FlvTag.HEADER_SIZE + dataSize;
        expectedPreviousTagSize = tag.size();
        state = State.PREVIOUS_TAG_SIZE;
        return Optional.of(tag);
    }

    private void fail(MediaFormatException e) {
        state = State.FAILED;
        failure = e;
        buffer = new byte[0];
        start = 0;
        end = 0;
    }

    /** Makes room for {@code length} more bytes; the caller checked the total against the buffered-bytes limit. */
    private void compactFor(int length) {
        int buffered = end - start;
        int needed = buffered + length;
        byte[] target = buffer.length >= needed ? buffer
                : Arrays.copyOf(buffer, (int) Math.max(needed, Math.min(limits.maxBufferedBytes(), 2L * buffer.length)));
        System.arraycopy(buffer, start, target, 0, buffered);
        buffer = target;
        start = 0;
        end = buffered;
    }

    private int u24(int at) {
        return ((buffer[at] & 0xFF) << 16) | ((buffer[at + 1] & 0xFF) << 8) | (buffer[at + 2] & 0xFF);
    }

    private long u32(int at) {
        return ((long) (buffer[at] & 0xFF) << 24) | ((buffer[at + 1] & 0xFF) << 16) | ((buffer[at + 2] & 0xFF) << 8)
                | (buffer[at + 3] & 0xFF);
    }
}

package io.sluice.media.flv;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes FLV: the header followed by PreviousTagSize0, then each tag followed by its PreviousTagSize. The static
 * {@code encode} methods are the sans-IO core; an instance writes them to a stream handed to it. Reading a file
 * with {@link FlvReader} and writing every element back gives the same bytes.
 */
public final class FlvWriter {

    private static final int PREVIOUS_TAG_SIZE_BYTES = 4;

    private final OutputStream output;

    /** A writer to {@code output}; flushing and closing stay with the caller. */
    public FlvWriter(OutputStream output) {
        this.output = output;
    }

    /** Writes a header or a tag. */
    public void write(FlvElement element) throws IOException {
        output.write(switch (element) {
            case FlvHeader header -> encode(header);
            case FlvTag tag -> encode(tag);
        });
    }

    /** The header bytes followed by PreviousTagSize0 (always 0). */
    public static byte[] encode(FlvHeader header) {
        byte[] out = new byte[header.dataOffset() + PREVIOUS_TAG_SIZE_BYTES];
        out[0] = 'F';
        out[1] = 'L';
        out[2] = 'V';
        out[3] = (byte) header.version();
        out[4] = (byte) header.flags();
        putU32(out, 5, header.dataOffset());
        header.extension().copyTo(out, FlvHeader.SIZE);
        return out;
    }

    /** The tag bytes followed by its PreviousTagSize. */
    public static byte[] encode(FlvTag tag) {
        int bodyLength = tag.body().length();
        byte[] out = new byte[tag.size() + PREVIOUS_TAG_SIZE_BYTES];
        out[0] = (byte) ((tag.filtered() ? 0x20 : 0) | tag.type().code());
        putU24(out, 1, bodyLength);
        putU24(out, 4, (int) tag.timestamp());
        out[7] = (byte) (tag.timestamp() >>> 24);
        putU24(out, 8, tag.streamId());
        tag.body().copyTo(out, FlvTag.HEADER_SIZE);
        putU32(out, FlvTag.HEADER_SIZE + bodyLength, tag.size());
        return out;
    }

    private static void putU24(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 16);
        out[at + 1] = (byte) (value >>> 8);
        out[at + 2] = (byte) value;
    }

    private static void putU32(byte[] out, int at, long value) {
        out[at] = (byte) (value >>> 24);
        putU24(out, at + 1, (int) value);
    }
}

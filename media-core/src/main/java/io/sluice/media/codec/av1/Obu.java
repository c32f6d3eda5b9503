package io.sluice.media.codec.av1;

/**
 * One OBU located in a buffer (AV1 5.3): its type and where its payload lies.
 *
 * @param type obu_type (1 sequence header, 2 temporal delimiter, 3 frame header, 6 frame, ...)
 * @param payloadOffset index of the first payload byte in the scanned array
 * @param payloadLength payload bytes
 */
public record Obu(int type, int payloadOffset, int payloadLength) {

    public static final int SEQUENCE_HEADER = 1;
    public static final int FRAME_HEADER = 3;
    public static final int FRAME = 6;
}

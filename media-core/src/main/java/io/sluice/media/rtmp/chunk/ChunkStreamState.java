package io.sluice.media.rtmp.chunk;

/**
 * What the decoder remembers about one chunk stream: the last message header, for the compressed header
 * types 1 to 3 (section 5.3.1.2), and the message being reassembled.
 */
final class ChunkStreamState {

    final int id;
    boolean hasHeader;
    long timestamp;
    long timestampDelta;
    int messageLength;
    int typeId;
    int messageStreamId;

    /** Whether the last type 0, 1 or 2 header needed the extended timestamp field. */
    boolean extended;
    /** The 32-bit value the extended timestamp field of the current message's first chunk carried. */
    long extendedValue;
    /**
     * Set once a continuation chunk came without the extended timestamp section 5.3.1.3 asks for (older
     * librtmp), so later type 3 chunks on this stream are not expected to carry it either.
     */
    boolean omitsExtendedOnType3;

    byte[] payload;
    int received;
    boolean inProgress;

    ChunkStreamState(int id) {
        this.id = id;
    }
}

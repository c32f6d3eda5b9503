package io.sluice.media.rtmp.message;

/** Set Chunk Size (type 1, section 5.4.1): the sender's new maximum chunk size, 1 to 0x7FFFFFFF. */
public record SetChunkSize(int chunkSize) implements RtmpMessage {

    public SetChunkSize {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be within [1, 0x7FFFFFFF]: " + chunkSize);
        }
    }

    @Override
    public MessageType type() {
        return MessageType.SET_CHUNK_SIZE;
    }
}

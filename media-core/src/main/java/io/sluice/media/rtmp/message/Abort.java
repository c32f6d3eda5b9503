package io.sluice.media.rtmp.message;

/** Abort Message (type 2, section 5.4.2): discard the partly received message of a chunk stream. */
public record Abort(long chunkStreamId) implements RtmpMessage {

    public Abort {
        U32.check("chunk stream id", chunkStreamId);
    }

    @Override
    public MessageType type() {
        return MessageType.ABORT;
    }
}

package io.sluice.media.rtmp.message;

/** Window Acknowledgement Size (type 5, section 5.4.4): acknowledge after this many bytes. */
public record WindowAckSize(long windowSize) implements RtmpMessage {

    public WindowAckSize {
        U32.check("window size", windowSize);
    }

    @Override
    public MessageType type() {
        return MessageType.WINDOW_ACK_SIZE;
    }
}

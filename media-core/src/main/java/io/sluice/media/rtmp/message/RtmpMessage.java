package io.sluice.media.rtmp.message;

/**
 * One RTMP message. Protocol control messages (types 1-6) are connection-wide and carry no timestamp or
 * stream id (section 5.4: they go on message stream 0 and their timestamps are ignored); the others
 * implement {@link StreamMessage}.
 */
public sealed interface RtmpMessage
        permits SetChunkSize, Abort, Acknowledgement, UserControl, WindowAckSize, SetPeerBandwidth, StreamMessage {

    /** The message type, which decides its type id on the wire. */
    MessageType type();
}

package io.sluice.media.rtmp.session;

/** Where a {@link RtmpClientSession} stands. {@link #CLOSED} and {@link #FAILED} are terminal. */
public enum ClientState {
    /** Created; {@link RtmpClientSession#start()} not called yet. */
    NEW,
    /** C0/C1 sent, reading S0/S1/S2. */
    HANDSHAKE,
    /** connect sent, waiting for its result. */
    CONNECTING,
    /** releaseStream, FCPublish and createStream sent, waiting for the stream id. */
    CREATING_STREAM,
    /** publish sent, waiting for NetStream.Publish.Start. */
    PUBLISH_REQUESTED,
    /** Publishing: metadata, audio and video may be sent. */
    PUBLISHING,
    /** Ended normally; see {@link RtmpClientSession#closeReason()}. */
    CLOSED,
    /** Refused by the server, or the server broke the protocol; see {@link RtmpClientSession#failure()}. */
    FAILED;

    /** Whether the session has ended, one way or the other. */
    public boolean isTerminal() {
        return this == CLOSED || this == FAILED;
    }
}

package io.sluice.media.rtmp.session;

/** Where a {@link RtmpServerSession} stands. {@link #CLOSED} and {@link #FAILED} are terminal. */
public enum ServerState {
    /** Reading C0/C1/C2. */
    HANDSHAKE,
    /** Handshake done, waiting for connect. */
    AWAIT_CONNECT,
    /** Connected; stream setup commands and publish may come. */
    CONNECTED,
    /** publish received; waiting for the service's accept or refuse. Media is held meanwhile. */
    PUBLISH_PENDING,
    /** Publishing: media and data flow as events. */
    PUBLISHING,
    /** Ended normally; see {@link RtmpServerSession#closeReason()}. */
    CLOSED,
    /** Ended by malformed input or a broken limit; see {@link RtmpServerSession#failure()}. */
    FAILED;

    /** Whether the session has ended, one way or the other. */
    public boolean isTerminal() {
        return this == CLOSED || this == FAILED;
    }
}

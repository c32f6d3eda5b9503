package io.sluice.media.rtmp.session;

import io.sluice.media.amf.Amf0Properties;

/** What happened on a {@link RtmpClientSession}, in order. */
public sealed interface ClientEvent {

    /**
     * connect succeeded.
     *
     * @param serverProperties   the properties object of the {@code _result} ({@code fmsVer}, ...)
     * @param serverCapabilities the Enhanced RTMP capabilities the server stated,
     *                           {@link EnhancedCapabilities#NONE} for a legacy server
     */
    record Connected(Amf0Properties serverProperties, EnhancedCapabilities serverCapabilities)
            implements ClientEvent {
    }

    /** NetStream.Publish.Start arrived; media may be sent on {@code streamId}. */
    record PublishStarted(int streamId) implements ClientEvent {
    }

    /** An onStatus the session does not act on itself, such as NetStream.Unpublish.Success. */
    record StatusReceived(String level, String code, String description) implements ClientEvent {
    }

    /** The server asked us to reconnect (E-RTMP v2), to {@code tcUrl} when not {@code null}. */
    record ReconnectRequested(String tcUrl, String description) implements ClientEvent {
    }

    /** The server acknowledged this many bytes of ours, modulo 2^32. */
    record AcknowledgementReceived(long sequenceNumber) implements ClientEvent {
    }

    /** The session reached {@link ClientState#CLOSED}. */
    record Closed(CloseReason reason) implements ClientEvent {
    }

    /** The session reached {@link ClientState#FAILED}. */
    record Failed(ClientFailure failure) implements ClientEvent {
    }
}

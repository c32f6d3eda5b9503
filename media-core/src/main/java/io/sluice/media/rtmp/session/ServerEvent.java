package io.sluice.media.rtmp.session;

import io.sluice.media.amf.Amf0Properties;
import io.sluice.media.amf.Amf0Value;
import java.util.List;

/**
 * What happened on a {@link RtmpServerSession}, in order. Media payloads are the FLV tag bodies exactly as
 * the encoder sent them (legacy or Enhanced RTMP); the arrays are not copied and must not be changed.
 */
public sealed interface ServerEvent {

    /** connect succeeded; the reply is already queued. */
    record Connected(ConnectRequest request) implements ServerEvent {
    }

    /** The client asked to publish; answer with {@link RtmpServerSession#acceptPublish()} or refusePublish. */
    record PublishRequested(PublishRequest request) implements ServerEvent {
    }

    /**
     * onMetaData, sent as {@code @setDataFrame onMetaData {...}} (ffmpeg, OBS, GStreamer) or as a bare
     * {@code onMetaData {...}}.
     *
     * @param metadata   the object or ECMA array of properties
     * @param rawPayload the AMF0 values of the data message exactly as received, {@code @setDataFrame}
     *                   included if sent: the message body, without the format selector of type 15
     * @param amf3       whether it came as a type 15 message
     */
    record MetadataReceived(long timestamp, Amf0Properties metadata, byte[] rawPayload, boolean amf3)
            implements ServerEvent {
    }

    /** An audio message on the publishing stream. */
    record AudioReceived(long timestamp, byte[] payload) implements ServerEvent {
    }

    /** A video message on the publishing stream. */
    record VideoReceived(long timestamp, byte[] payload) implements ServerEvent {
    }

    /**
     * Any other data message on the publishing stream: cue points, onTextData, onCaptionInfo and the like.
     *
     * @param handler    the first value when it is a string (after {@code @setDataFrame} when that
     *                   wraps it), else {@code null}
     * @param values     all values, parsed
     * @param rawPayload the AMF0 values exactly as received: the message body, without the format selector
     *                   of type 15
     * @param amf3       whether it came as a type 15 message
     */
    record DataReceived(long timestamp, String handler, List<Amf0Value> values, byte[] rawPayload, boolean amf3)
            implements ServerEvent {
    }

    /** The client stopped publishing (FCUnpublish, closeStream or deleteStream); the session stays open. */
    record PublishStopped(PublishRequest request, String command) implements ServerEvent {
    }

    /** The client acknowledged this many bytes of ours (section 5.4.3), modulo 2^32. */
    record AcknowledgementReceived(long sequenceNumber) implements ServerEvent {
    }

    /** The client answered {@link RtmpServerSession#sendPing(long)}. */
    record PingResponseReceived(long timestamp) implements ServerEvent {
    }

    /** The session reached {@link ServerState#CLOSED}. */
    record Closed(CloseReason reason) implements ServerEvent {
    }

    /** The session reached {@link ServerState#FAILED}; close the connection. */
    record Failed(SessionFailure failure) implements ServerEvent {
    }
}

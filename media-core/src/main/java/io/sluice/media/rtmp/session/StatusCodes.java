package io.sluice.media.rtmp.session;

/**
 * The {@code code} values of the info objects in {@code _result}, {@code _error} and {@code onStatus}
 * replies (Flash Media Server's NetConnection and NetStream status codes, and E-RTMP v2's reconnect
 * request), with the {@code level} each goes with.
 */
public final class StatusCodes {

    public static final String LEVEL_STATUS = "status";
    public static final String LEVEL_ERROR = "error";

    /** connect succeeded; {@code _result} of connect, level status. */
    public static final String CONNECT_SUCCESS = "NetConnection.Connect.Success";
    /**
     * connect refused; {@code _error} of connect, level error. ffmpeg 5.1 prints {@code Unknown connect error
     * (unsupported authentication method?)}, {@code Server error: <description>} and {@code <url>: Unknown
     * error occurred}; OBS (librtmp) gets no stream and shows the same "Could not access the specified
     * channel or stream key" dialog as for a refused publish.
     */
    public static final String CONNECT_REJECTED = "NetConnection.Connect.Rejected";
    /** E-RTMP v2: please reconnect, optionally to another tcUrl; onStatus on stream 0, level status. */
    public static final String CONNECT_RECONNECT_REQUEST = "NetConnection.Connect.ReconnectRequest";
    /** A call to a method the server does not have; {@code _error}, level error. */
    public static final String CALL_FAILED = "NetConnection.Call.Failed";
    /** publish accepted; onStatus on the stream, level status. */
    public static final String PUBLISH_START = "NetStream.Publish.Start";
    /** publish refused for the stream name (the stream key); onStatus, level error. */
    public static final String PUBLISH_BAD_NAME = "NetStream.Publish.BadName";
    /** publish refused for this client; onStatus, level error. */
    public static final String PUBLISH_DENIED = "NetStream.Publish.Denied";
    /** publishing ended; onStatus on the stream, level status. */
    public static final String UNPUBLISH_SUCCESS = "NetStream.Unpublish.Success";
    /** play refused; onStatus, level error. */
    public static final String PLAY_FAILED = "NetStream.Play.Failed";

    private StatusCodes() {
    }
}

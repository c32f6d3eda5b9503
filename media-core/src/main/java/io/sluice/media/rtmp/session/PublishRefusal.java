package io.sluice.media.rtmp.session;

/**
 * How {@link RtmpServerSession#refusePublish} (and {@link RtmpServerSession#end(PublishRefusal, String)})
 * turns a publish down: an {@code onStatus} with level {@code error}, one of these codes and the given
 * description on the publishing stream, after which the session is closed.
 *
 * <p>What encoders show for either code, with description {@code Unknown stream key.}:
 * <ul>
 *   <li><b>ffmpeg</b> 5.1 (checked by {@code EncoderPublishTest}; libavformat/rtmpproto.c
 *       {@code handle_invoke_status} prints the description, or the code when there is none), exit
 *       status 1:
 *       <pre>[rtmp @ 0x...] Server error: Unknown stream key.
 * rtmp://host:1935/live/KEY: Operation not permitted</pre>
 *       Mid-stream ({@code end(refusal, ...)}) the second line is
 *       {@code av_interleaved_write_frame(): Operation not permitted}.</li>
 *   <li><b>GStreamer</b> 1.22 {@code rtmp2sink} (checked by {@code EncoderPublishTest}):
 *       <pre>ERROR: from element /GstPipeline:pipeline0/GstRtmp2Sink:rtmp2sink0: Failed to connect: publish
 * denied; stream already exists: { "level": "error", "code": "NetStream.Publish.BadName", "description":
 * "Unknown stream key." }</pre></li>
 *   <li><b>OBS</b> (from plugins/obs-outputs/librtmp/rtmp.c {@code HandleInvoke}; not run here): BadName,
 *       Denied, Rejected and NetStream.Failed are handled alike. The log gets {@code <tcUrl>:} and
 *       {@code <code> (<description>)}, the connection is closed, the stream start fails with
 *       OBS_OUTPUT_INVALID_STREAM and the dialog "Failed to connect" says "Could not access the specified
 *       channel or stream key, please double-check your stream key. If it is correct, there may be a
 *       problem connecting to the server."</li>
 * </ul>
 * Never put the stream key in the description: it is echoed to logs on the encoder's side.
 */
public enum PublishRefusal {

    /** The stream name, that is the stream key, is unknown, revoked or malformed. */
    BAD_NAME(StatusCodes.PUBLISH_BAD_NAME),
    /** The key is valid but may not publish now (disabled stream, already live elsewhere, over quota). */
    DENIED(StatusCodes.PUBLISH_DENIED);

    private final String code;

    PublishRefusal(String code) {
        this.code = code;
    }

    /** The onStatus code sent to the client. */
    public String code() {
        return code;
    }
}

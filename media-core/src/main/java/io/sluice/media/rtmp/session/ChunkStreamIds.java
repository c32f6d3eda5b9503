package io.sluice.media.rtmp.session;

/**
 * The chunk streams this side sends on, the ones ffmpeg uses (libavformat/rtmppkt.h): protocol control
 * on 2 as section 5.4 requires, NetConnection commands on 3, audio and data on 4, NetStream status on 5,
 * video on 6, NetStream commands on 8. Keeping audio and video apart lets each keep its compressed
 * headers.
 */
final class ChunkStreamIds {

    static final int CONTROL = 2;
    static final int COMMAND = 3;
    static final int AUDIO = 4;
    static final int STREAM_STATUS = 5;
    static final int VIDEO = 6;
    static final int STREAM_COMMAND = 8;

    private ChunkStreamIds() {
    }
}

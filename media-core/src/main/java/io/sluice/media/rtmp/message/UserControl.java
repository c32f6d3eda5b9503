package io.sluice.media.rtmp.message;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * User Control messages (type 4, sections 6.2 and 7.1.7): a 16-bit event type and its data. Event types
 * RTMP does not define (FMS used a few more, such as SWF verification) are kept as {@link Unknown} so a
 * peer sending them is not dropped.
 */
public sealed interface UserControl extends RtmpMessage {

    int STREAM_BEGIN = 0;
    int STREAM_EOF = 1;
    int STREAM_DRY = 2;
    int SET_BUFFER_LENGTH = 3;
    int STREAM_IS_RECORDED = 4;
    int PING_REQUEST = 6;
    int PING_RESPONSE = 7;

    /** The 16-bit event type. */
    int eventType();

    @Override
    default MessageType type() {
        return MessageType.USER_CONTROL;
    }

    /** The stream has become functional; sent by servers, by default on stream 0 after connect. */
    record StreamBegin(int streamId) implements UserControl {
        @Override
        public int eventType() {
            return STREAM_BEGIN;
        }
    }

    /** Playback of the stream is over. */
    record StreamEof(int streamId) implements UserControl {
        @Override
        public int eventType() {
            return STREAM_EOF;
        }
    }

    /** No more data on the stream for now. */
    record StreamDry(int streamId) implements UserControl {
        @Override
        public int eventType() {
            return STREAM_DRY;
        }
    }

    /** The client's buffer length for a stream, in milliseconds. */
    record SetBufferLength(int streamId, long bufferLengthMillis) implements UserControl {
        public SetBufferLength {
            U32.check("buffer length", bufferLengthMillis);
        }

        @Override
        public int eventType() {
            return SET_BUFFER_LENGTH;
        }
    }

    /** The stream is a recorded one. */
    record StreamIsRecorded(int streamId) implements UserControl {
        @Override
        public int eventType() {
            return STREAM_IS_RECORDED;
        }
    }

    /** Asks the peer to answer with {@link PingResponse} carrying the same timestamp. */
    record PingRequest(long timestamp) implements UserControl {
        public PingRequest {
            U32.check("timestamp", timestamp);
        }

        @Override
        public int eventType() {
            return PING_REQUEST;
        }
    }

    /** The answer to a {@link PingRequest}. */
    record PingResponse(long timestamp) implements UserControl {
        public PingResponse {
            U32.check("timestamp", timestamp);
        }

        @Override
        public int eventType() {
            return PING_RESPONSE;
        }
    }

    /** An event type the specification does not define, with its data as sent. */
    record Unknown(int eventType, byte[] data) implements UserControl {
        public Unknown {
            if (eventType < 0 || eventType > 0xFFFF || eventType <= PING_RESPONSE && eventType != 5) {
                throw new IllegalArgumentException("not an unknown event type: " + eventType);
            }
            data = data.clone();
        }

        /** A copy of the event data. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Unknown that && eventType == that.eventType && Arrays.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return eventType * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Unknown[eventType=" + eventType + ", data=" + HexFormat.of().formatHex(data) + "]";
        }
    }
}

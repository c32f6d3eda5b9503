package io.sluice.media.rtmp.message;

import java.util.Arrays;

/**
 * Shared Object messages (types 19 and 16, section 7.1.3). Publishing encoders do not use them; they are
 * kept opaque so the session can ignore them without failing.
 */
public record SharedObject(boolean amf3, long timestamp, int streamId, byte[] payload) implements StreamMessage {

    public SharedObject {
        U32.check("timestamp", timestamp);
        payload = payload.clone();
    }

    /** A copy of the message body. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public MessageType type() {
        return amf3 ? MessageType.SHARED_OBJECT_AMF3 : MessageType.SHARED_OBJECT_AMF0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SharedObject that && amf3 == that.amf3 && timestamp == that.timestamp
                && streamId == that.streamId && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "SharedObject[amf3=" + amf3 + ", timestamp=" + timestamp + ", streamId=" + streamId + ", "
                + payload.length + " bytes]";
    }
}

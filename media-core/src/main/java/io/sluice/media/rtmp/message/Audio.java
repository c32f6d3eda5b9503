package io.sluice.media.rtmp.message;

import java.util.Arrays;

/**
 * Audio (type 8, section 7.1.4): an FLV audio tag body, legacy or Enhanced RTMP, kept exactly as sent. The
 * payload array is shared, not copied, since media is the hot path; nobody may change it.
 */
public record Audio(long timestamp, int streamId, byte[] payload) implements AggregateMember {

    public Audio {
        U32.check("timestamp", timestamp);
    }

    @Override
    public MessageType type() {
        return MessageType.AUDIO;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Audio that && timestamp == that.timestamp && streamId == that.streamId
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Audio[timestamp=" + timestamp + ", streamId=" + streamId + ", " + payload.length + " bytes]";
    }
}

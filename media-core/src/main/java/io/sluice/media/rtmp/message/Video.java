package io.sluice.media.rtmp.message;

import java.util.Arrays;

/**
 * Video (type 9, section 7.1.5): an FLV video tag body, legacy or Enhanced RTMP, kept exactly as sent. The
 * payload array is shared, not copied, since media is the hot path; nobody may change it.
 */
public record Video(long timestamp, int streamId, byte[] payload) implements AggregateMember {

    public Video {
        U32.check("timestamp", timestamp);
    }

    @Override
    public MessageType type() {
        return MessageType.VIDEO;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Video that && timestamp == that.timestamp && streamId == that.streamId
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Video[timestamp=" + timestamp + ", streamId=" + streamId + ", " + payload.length + " bytes]";
    }
}

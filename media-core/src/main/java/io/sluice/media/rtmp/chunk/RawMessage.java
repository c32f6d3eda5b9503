package io.sluice.media.rtmp.chunk;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One complete message as the chunk stream carries it (section 6.1): header fields plus the payload bytes
 * exactly as received. The payload array is handed over, not copied; whoever holds a RawMessage must not
 * change it.
 *
 * @param chunkStreamId   the chunk stream it travelled on, 2 to 65599
 * @param timestamp       unsigned 32-bit milliseconds, wrapping after about 49.7 days
 * @param typeId          the message type id
 * @param messageStreamId the message stream id (little-endian on the wire)
 * @param payload         the message body
 */
public record RawMessage(int chunkStreamId, long timestamp, int typeId, int messageStreamId, byte[] payload) {

    public static final int MIN_CHUNK_STREAM_ID = 2;
    public static final int MAX_CHUNK_STREAM_ID = 65_599;

    public RawMessage {
        if (chunkStreamId < MIN_CHUNK_STREAM_ID || chunkStreamId > MAX_CHUNK_STREAM_ID) {
            throw new IllegalArgumentException("chunk stream id out of range: " + chunkStreamId);
        }
        if (timestamp < 0 || timestamp > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("timestamp out of 32-bit range: " + timestamp);
        }
        if (typeId < 0 || typeId > 0xFF) {
            throw new IllegalArgumentException("type id out of range: " + typeId);
        }
        if (payload.length > 0xFF_FFFF) {
            throw new IllegalArgumentException("payload longer than a chunk header can announce: " + payload.length);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawMessage that && chunkStreamId == that.chunkStreamId && timestamp == that.timestamp
                && typeId == that.typeId && messageStreamId == that.messageStreamId
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return ((chunkStreamId * 31 + Long.hashCode(timestamp)) * 31 + typeId) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        String body = payload.length <= 32 ? HexFormat.of().formatHex(payload) : payload.length + " bytes";
        return "RawMessage[csid=" + chunkStreamId + ", timestamp=" + timestamp + ", type=" + typeId + ", stream="
                + messageStreamId + ", payload=" + body + "]";
    }
}

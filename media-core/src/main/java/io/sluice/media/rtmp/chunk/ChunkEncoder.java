package io.sluice.media.rtmp.chunk;

import io.sluice.media.rtmp.RtmpLimits;
import java.util.HashMap;
import java.util.Map;

/**
 * Splits messages into chunks (section 5.3) with the smallest header the previous message on the same
 * chunk stream allows, the way ffmpeg's {@code ff_rtmp_packet_write} chooses: type 0 for the first message
 * on a chunk stream, a new message stream or a timestamp going backwards; type 1 when type or length
 * changed; type 2 when only the timestamp delta changed; type 3 when even the delta repeats (after a type
 * 0 the "delta" is its absolute timestamp, section 5.3.1.2.4). Continuation chunks are type 3 and repeat
 * the extended timestamp when the header had one, as section 5.3.1.3 says.
 */
public final class ChunkEncoder {

    private static final int EXTENDED_TIMESTAMP_MARK = 0xFF_FFFF;
    private static final int DIRECT_IDS = 64;

    private final LastHeader[] direct = new LastHeader[DIRECT_IDS];
    private final Map<Integer, LastHeader> others = new HashMap<>();
    private int chunkSize = ChunkDecoder.DEFAULT_CHUNK_SIZE;

    /** The header last sent on one chunk stream. */
    private static final class LastHeader {
        long timestamp;
        long delta;
        int typeId;
        int length;
        int messageStreamId;
    }

    /** The chunk size this side announced with Set Chunk Size; applies to messages encoded afterwards. */
    public void setChunkSize(int size) {
        if (size < 1 || size > RtmpLimits.RTMP_MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunk size must be within [1, 0x7FFFFFFF]: " + size);
        }
        chunkSize = size;
    }

    /** The chunk size messages are split with. */
    public int chunkSize() {
        return chunkSize;
    }

    /** Appends {@code message} as chunks to {@code out}. */
    public void encode(RawMessage message, OutputBuffer out) {
        int id = message.chunkStreamId();
        LastHeader last = lastHeader(id);
        boolean first = last == null;
        if (first) {
            last = new LastHeader();
            remember(id, last);
        }
        byte[] payload = message.payload();
        boolean useDelta = !first && message.messageStreamId() == last.messageStreamId
                && message.timestamp() >= last.timestamp;
        long timestampValue = useDelta ? message.timestamp() - last.timestamp : message.timestamp();
        int format = 0;
        if (useDelta) {
            if (message.typeId() != last.typeId || payload.length != last.length) {
                format = 1;
            } else {
                format = timestampValue == last.delta ? 3 : 2;
            }
        }
        boolean extended = timestampValue >= EXTENDED_TIMESTAMP_MARK;
        int timestampField = extended ? EXTENDED_TIMESTAMP_MARK : (int) timestampValue;

        writeBasicHeader(out, format, id);
        if (format < 3) {
            out.u24(timestampField);
        }
        if (format < 2) {
            out.u24(payload.length);
            out.u8(message.typeId());
        }
        if (format == 0) {
            out.u32LittleEndian(message.messageStreamId());
        }
        if (extended) {
            out.u32(timestampValue);
        }

        last.timestamp = message.timestamp();
        last.delta = timestampValue;
        last.typeId = message.typeId();
        last.length = payload.length;
        last.messageStreamId = message.messageStreamId();

        int offset = 0;
        do {
            int n = Math.min(chunkSize, payload.length - offset);
            out.put(payload, offset, n);
            offset += n;
            if (offset < payload.length) {
                writeBasicHeader(out, 3, id);
                if (extended) {
                    out.u32(timestampValue);
                }
            }
        } while (offset < payload.length);
    }

    /** Section 5.3.1.1: ids 2-63 in one byte, 64-319 in two, 320-65599 in three (little-endian). */
    private static void writeBasicHeader(OutputBuffer out, int format, int id) {
        if (id < 64) {
            out.u8(format << 6 | id);
        } else if (id < 320) {
            out.u8(format << 6);
            out.u8(id - 64);
        } else {
            out.u8(format << 6 | 1);
            out.u8(id - 64 & 0xFF);
            out.u8(id - 64 >>> 8);
        }
    }

    private LastHeader lastHeader(int id) {
        return id < DIRECT_IDS ? direct[id] : others.get(id);
    }

    private void remember(int id, LastHeader header) {
        if (id < DIRECT_IDS) {
            direct[id] = header;
        } else {
            others.put(id, header);
        }
    }
}

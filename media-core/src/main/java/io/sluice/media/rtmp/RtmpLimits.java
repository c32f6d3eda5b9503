package io.sluice.media.rtmp;

import io.sluice.media.amf.AmfLimits;
import java.util.Objects;

/**
 * Bounds on everything an RTMP peer controls, checked before anything is allocated from a size the peer
 * sent. Breaking one throws {@link io.sluice.media.error.LimitExceededException} whose
 * {@code limitName()} is the constant named next to the component, and the session that hit it ends in
 * its failed state with that reason.
 *
 * @param maxHandshakeBytes   bytes the handshake may read ({@value #MAX_HANDSHAKE_BYTES}); a complete
 *                            handshake reads C0 + C1 + C2 = {@value #HANDSHAKE_BYTES} bytes, so anything
 *                            lower refuses every peer
 * @param maxChunkSize        the largest chunk size a peer may announce with Set Chunk Size
 *                            ({@value #MAX_CHUNK_SIZE}); the specification allows 1 to 0x7FFFFFFF
 *                            (section 5.4.1)
 * @param maxMessageLength    the longest message a chunk header may announce ({@value #MAX_MESSAGE_LENGTH});
 *                            RTMP's own ceiling is 0xFFFFFF
 * @param maxChunkStreams     how many distinct chunk stream ids a peer may use on one connection
 *                            ({@value #MAX_CHUNK_STREAMS}), counted from an id's first chunk to the end of
 *                            the connection rather than while a message is in flight on it: any later chunk
 *                            on an id may compress its header against that id's last one (section
 *                            5.3.1.2), so the decoder keeps every id's state for good, and the ids ever
 *                            used are what costs memory. In-flight messages are at most one per id, their
 *                            bytes bounded by {@code maxBufferedBytes}
 * @param maxBufferedBytes    bytes held for messages that are not complete yet, summed over all chunk
 *                            streams ({@value #MAX_BUFFERED_BYTES}); at least {@code maxMessageLength}.
 *                            What is held follows what arrived (at most three times it), not the lengths the
 *                            headers declared; beyond this per-connection bound, every connection of a
 *                            process draws on one {@link MemoryBudget} ({@value #MEMORY_BUDGET})
 * @param maxHeldPublishBytes media and data bytes a server session holds while the service decides on a
 *                            publish request ({@value #MAX_HELD_PUBLISH_BYTES})
 * @param amf                 bounds for the AMF in command and data messages
 */
public record RtmpLimits(
        int maxHandshakeBytes,
        int maxChunkSize,
        int maxMessageLength,
        int maxChunkStreams,
        long maxBufferedBytes,
        long maxHeldPublishBytes,
        AmfLimits amf) {

    public static final String MAX_HANDSHAKE_BYTES = "max_handshake_bytes";
    public static final String MAX_CHUNK_SIZE = "max_chunk_size";
    public static final String MAX_MESSAGE_LENGTH = "max_message_length";
    public static final String MAX_CHUNK_STREAMS = "max_chunk_streams";
    public static final String MAX_BUFFERED_BYTES = "max_buffered_bytes";
    public static final String MAX_HELD_PUBLISH_BYTES = "max_held_publish_bytes";
    /** The process-wide {@link MemoryBudget} had no room left for what a connection needed. */
    public static final String MEMORY_BUDGET = "memory_budget";

    /** C0 (1 byte) + C1 (1536 bytes) + C2 (1536 bytes), section 5.2. */
    public static final int HANDSHAKE_BYTES = 1 + 1536 + 1536;
    /** The largest message length a 24-bit chunk header field can carry. */
    public static final int RTMP_MAX_MESSAGE_LENGTH = 0xFF_FFFF;
    /** The largest chunk size section 5.4.1 allows. */
    public static final int RTMP_MAX_CHUNK_SIZE = 0x7FFF_FFFF;
    /** Chunk stream ids run from 2 to 65599 (section 5.3.1.1). */
    public static final int RTMP_MAX_CHUNK_STREAMS = 65_599 - 1;

    /**
     * Defaults that accept every message RTMP can express (a 4K keyframe fits; large keyframes are never cut,
     * docs/architecture.md), with at most two such messages in flight per connection. Encoders use
     * fewer than ten chunk streams.
     */
    public static final RtmpLimits DEFAULTS = new RtmpLimits(HANDSHAKE_BYTES, RTMP_MAX_CHUNK_SIZE,
            RTMP_MAX_MESSAGE_LENGTH, 64, 32L << 20, 4L << 20, AmfLimits.DEFAULTS);

    public RtmpLimits {
        requireRange("maxHandshakeBytes", maxHandshakeBytes, 1, Integer.MAX_VALUE);
        requireRange("maxChunkSize", maxChunkSize, 1, RTMP_MAX_CHUNK_SIZE);
        requireRange("maxMessageLength", maxMessageLength, 1, RTMP_MAX_MESSAGE_LENGTH);
        requireRange("maxChunkStreams", maxChunkStreams, 1, RTMP_MAX_CHUNK_STREAMS);
        requireRange("maxBufferedBytes", maxBufferedBytes, maxMessageLength, Long.MAX_VALUE);
        requireRange("maxHeldPublishBytes", maxHeldPublishBytes, 0, Long.MAX_VALUE);
        Objects.requireNonNull(amf, "amf");
    }

    /** A copy with {@code maxHandshakeBytes} set to {@code value}. */
    public RtmpLimits withMaxHandshakeBytes(int value) {
        return new RtmpLimits(value, maxChunkSize, maxMessageLength, maxChunkStreams, maxBufferedBytes,
                maxHeldPublishBytes, amf);
    }

    /** A copy with {@code maxChunkSize} set to {@code value}. */
    public RtmpLimits withMaxChunkSize(int value) {
        return new RtmpLimits(maxHandshakeBytes, value, maxMessageLength, maxChunkStreams, maxBufferedBytes,
                maxHeldPublishBytes, amf);
    }

    /**
     * A copy with {@code maxMessageLength} set to {@code value}, raising {@code maxBufferedBytes} to it if it
     * would otherwise be smaller.
     */
    public RtmpLimits withMaxMessageLength(int value) {
        return new RtmpLimits(maxHandshakeBytes, maxChunkSize, value, maxChunkStreams,
                Math.max(value, maxBufferedBytes), maxHeldPublishBytes, amf);
    }

    /** A copy with {@code maxChunkStreams} set to {@code value}. */
    public RtmpLimits withMaxChunkStreams(int value) {
        return new RtmpLimits(maxHandshakeBytes, maxChunkSize, maxMessageLength, value, maxBufferedBytes,
                maxHeldPublishBytes, amf);
    }

    /** A copy with {@code maxBufferedBytes} set to {@code value}. */
    public RtmpLimits withMaxBufferedBytes(long value) {
        return new RtmpLimits(maxHandshakeBytes, maxChunkSize, maxMessageLength, maxChunkStreams, value,
                maxHeldPublishBytes, amf);
    }

    /** A copy with {@code maxHeldPublishBytes} set to {@code value}. */
    public RtmpLimits withMaxHeldPublishBytes(long value) {
        return new RtmpLimits(maxHandshakeBytes, maxChunkSize, maxMessageLength, maxChunkStreams,
                maxBufferedBytes, value, amf);
    }

    /** A copy with {@code amf} set to {@code value}. */
    public RtmpLimits withAmf(AmfLimits value) {
        return new RtmpLimits(maxHandshakeBytes, maxChunkSize, maxMessageLength, maxChunkStreams,
                maxBufferedBytes, maxHeldPublishBytes, value);
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be within [" + min + ", " + max + "]: " + value);
        }
    }
}

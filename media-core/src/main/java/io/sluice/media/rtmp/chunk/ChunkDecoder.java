package io.sluice.media.rtmp.chunk;

import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import io.sluice.media.rtmp.MemoryBudget;
import io.sluice.media.rtmp.RtmpLimits;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Reassembles messages from the chunk stream (section 5.3). {@link #decode} consumes every byte it is
 * given, whatever the split: a partial header is kept in a small scratch area and a partial payload in
 * its message's buffer, so "need more bytes" simply means returning. Several messages in one buffer come
 * out one after another, each handed to the sink before the next chunk is read, which lets the sink apply
 * a Set Chunk Size (section 5.4.1: effective at once) through {@link #setChunkSize} before the following
 * bytes are decoded.
 *
 * <p>Memory follows bytes that arrived, never a length a header declared: a chunk header costs nothing
 * until payload comes, so a peer that opens many chunk streams with large declared messages holds only what
 * it sent. A message's array grows by doubling as its bytes arrive, from the first chunk's size, so it is
 * never larger than twice what arrived for it. When the rest of a message is already in the buffer being
 * decoded (the usual case for audio and most video frames) the array gets the message's exact length at
 * once, so the steady path allocates one array per message and nothing per chunk; the bytes granted ahead
 * that way are charged against that buffer's size, so all arrays together never hold more than three times
 * the bytes that arrived. Those arrays are
 * counted against {@link RtmpLimits#maxBufferedBytes()} and the process-wide {@link MemoryBudget} until
 * their message completes and they are handed over as the {@link RawMessage} payload, or
 * {@link #close()} gives them back.
 *
 * <p>Extended timestamps on type 3 chunks (section 5.3.1.3) are where clients disagree: the specification,
 * Flash, FMS and today's ffmpeg repeat the 4-byte field on every type 3 chunk after a header that had it;
 * older ffmpeg and librtmp omit it on continuation chunks. Like SRS, the decoder looks at the four bytes
 * after a continuation chunk's basic header: if they equal the extended timestamp of the message's first
 * chunk they are that field, otherwise they are payload. A stream seen omitting it is then trusted to omit
 * it on a type 3 chunk that starts a new message too; otherwise such a chunk's field is read as the new
 * delta, which is what ffmpeg writes there.
 *
 * <p>A chunk stream normally starts with a type 0 header. A type 1 header is accepted too, taking message
 * stream 0 and timestamp 0 as what it is relative to: librtmp sends its User Control messages that way on
 * a fresh chunk stream 2 (SRS accepts it for the same reason).
 *
 * <p>Malformed input throws {@link MediaFormatException}, a broken limit
 * {@link LimitExceededException} (its name {@link RtmpLimits#MEMORY_BUDGET} when the process-wide budget is
 * what ran out); after either the decoder is failed for good, and the caller should {@link #close()} it.
 */
public final class ChunkDecoder {

    /** The chunk size before any Set Chunk Size (section 5.4.1). */
    public static final int DEFAULT_CHUNK_SIZE = 128;
    private static final byte[] EMPTY = new byte[0];
    private static final int[] MESSAGE_HEADER_LENGTH = {11, 7, 3, 0};
    private static final int EXTENDED_TIMESTAMP_MARK = 0xFF_FFFF;

    private enum State {
        BASIC_HEADER, BASIC_HEADER_ID, MESSAGE_HEADER, EXTENDED_TIMESTAMP, CONTINUATION_TIMESTAMP, PAYLOAD, FAILED,
        CLOSED
    }

    private final RtmpLimits limits;
    private final MemoryBudget budget;
    private final ChunkStreamTable streams;
    private int chunkSize = DEFAULT_CHUNK_SIZE;
    private long bufferedBytes;
    /** Bytes of the buffer being decoded that arrays may still be sized for before those bytes are read. */
    private long lookaheadCredit;

    private State state = State.BASIC_HEADER;
    private final byte[] scratch = new byte[11];
    private int scratchFilled;
    private int scratchNeeded;
    private int format;
    private int timestampField;
    private ChunkStreamState current;
    private int chunkRemaining;

    /** Bytes read ahead while looking for a continuation chunk's extended timestamp, to be read again. */
    private final byte[] pushback = new byte[4];
    private int pushbackStart;
    private int pushbackEnd;

    /** A decoder at the default chunk size, bounded by {@code limits} alone. */
    public ChunkDecoder(RtmpLimits limits) {
        this(limits, MemoryBudget.UNLIMITED);
    }

    /** A decoder at the default chunk size, bounded by {@code limits} and drawing on {@code budget}. */
    public ChunkDecoder(RtmpLimits limits, MemoryBudget budget) {
        this.limits = limits;
        this.budget = budget;
        this.streams = new ChunkStreamTable(limits.maxChunkStreams());
    }

    /** Consumes all of {@code in}, handing each completed message to {@code sink} in arrival order. */
    public void decode(ByteBuffer in, Consumer<RawMessage> sink) {
        if (state == State.FAILED || state == State.CLOSED) {
            throw new IllegalStateException("chunk decoder " + (state == State.FAILED ? "failed earlier" : "closed"));
        }
        lookaheadCredit = available(in);
        try {
            // A sink that closes the decoder (its session ended) stops the loop: the rest is not wanted.
            while (state != State.CLOSED && (available(in) > 0 || state == State.PAYLOAD && chunkRemaining == 0)) {
                switch (state) {
                    case BASIC_HEADER -> readBasicHeader(in);
                    case BASIC_HEADER_ID -> {
                        if (fillScratch(in)) {
                            int id = 64 + (scratch[0] & 0xFF) + (scratchNeeded == 2 ? (scratch[1] & 0xFF) << 8 : 0);
                            beginChunk(id);
                        }
                    }
                    case MESSAGE_HEADER -> {
                        if (fillScratch(in)) {
                            readMessageHeader();
                        }
                    }
                    case EXTENDED_TIMESTAMP -> {
                        if (fillScratch(in)) {
                            readExtendedTimestamp();
                        }
                    }
                    case CONTINUATION_TIMESTAMP -> {
                        if (fillScratch(in)) {
                            readContinuationTimestamp();
                        }
                    }
                    case PAYLOAD -> readPayload(in, sink);
                    case FAILED, CLOSED -> throw new IllegalStateException("chunk decoder stopped");
                }
            }
        } catch (RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
    }

    /**
     * Applies a peer's Set Chunk Size (section 5.4.1) to every chunk after the message that carried it.
     *
     * @throws MediaFormatException   if the size is below 1 or has the reserved top bit set
     * @throws LimitExceededException if it is above {@link RtmpLimits#maxChunkSize()}
     */
    public void setChunkSize(long size) {
        if (size < 1 || size > RtmpLimits.RTMP_MAX_CHUNK_SIZE) {
            throw new MediaFormatException("invalid chunk size " + size);
        }
        LimitExceededException.check(RtmpLimits.MAX_CHUNK_SIZE, limits.maxChunkSize(), size);
        chunkSize = (int) size;
    }

    /** Drops the partly received message of chunk stream {@code chunkStreamId} (Abort, section 5.4.2). */
    public void abort(long chunkStreamId) {
        if (chunkStreamId < RawMessage.MIN_CHUNK_STREAM_ID || chunkStreamId > RawMessage.MAX_CHUNK_STREAM_ID) {
            return;
        }
        ChunkStreamState stream = streams.find((int) chunkStreamId);
        if (stream != null && stream.inProgress && stream != currentWhileInChunk()) {
            release(stream);
        }
    }

    /** The peer's current chunk size. */
    public int chunkSize() {
        return chunkSize;
    }

    /** Bytes held for messages that are not complete yet. */
    public long bufferedBytes() {
        return bufferedBytes;
    }

    /**
     * Gives back the arrays of every incomplete message, to this decoder's count and to the budget: the
     * connection is over. Decoding afterwards is refused; closing again does nothing.
     */
    public void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        streams.forEach(stream -> {
            if (stream.inProgress) {
                release(stream);
            }
        });
    }

    private ChunkStreamState currentWhileInChunk() {
        return state == State.BASIC_HEADER ? null : current;
    }

    private void readBasicHeader(ByteBuffer in) {
        int first = next(in);
        format = first >>> 6;
        int id = first & 0x3F;
        if (id < 2) {
            scratchNeeded = id + 1;
            scratchFilled = 0;
            state = State.BASIC_HEADER_ID;
        } else {
            beginChunk(id);
        }
    }

    private void beginChunk(int id) {
        current = streams.get(id);
        if (format > 1 && !current.hasHeader) {
            throw new MediaFormatException("chunk type " + format + " on chunk stream " + id
                    + " before any type 0 or 1 header");
        }
        if (format < 3 && current.inProgress) {
            throw new MediaFormatException("new message header on chunk stream " + id
                    + " before the previous message was complete");
        }
        if (format < 3) {
            expect(State.MESSAGE_HEADER, MESSAGE_HEADER_LENGTH[format]);
        } else if (!current.extended || current.omitsExtendedOnType3) {
            startOrContinueType3();
        } else if (current.inProgress) {
            expect(State.CONTINUATION_TIMESTAMP, 4);
        } else {
            expect(State.EXTENDED_TIMESTAMP, 4);
        }
    }

    /** Section 5.3.1.2: types 0, 1 and 2 carry 11, 7 and 3 bytes of message header. */
    private void readMessageHeader() {
        timestampField = u24(0);
        if (format <= 1) {
            current.messageLength = u24(3);
            current.typeId = scratch[6] & 0xFF;
            LimitExceededException.check(RtmpLimits.MAX_MESSAGE_LENGTH, limits.maxMessageLength(),
                    current.messageLength);
        }
        if (format == 0) {
            current.messageStreamId = (scratch[7] & 0xFF) | (scratch[8] & 0xFF) << 8 | (scratch[9] & 0xFF) << 16
                    | (scratch[10] & 0xFF) << 24;
        }
        if (timestampField == EXTENDED_TIMESTAMP_MARK) {
            expect(State.EXTENDED_TIMESTAMP, 4);
        } else {
            applyTimestamp(timestampField, false);
        }
    }

    private void readExtendedTimestamp() {
        long value = u32(0);
        if (format == 3) {
            current.timestampDelta = value;
            current.extendedValue = value;
            current.timestamp = current.timestamp + value & 0xFFFF_FFFFL;
            startMessage();
        } else {
            applyTimestamp(value, true);
        }
    }

    private void readContinuationTimestamp() {
        if (u32(0) != current.extendedValue) {
            System.arraycopy(scratch, 0, pushback, 0, 4);
            pushbackStart = 0;
            pushbackEnd = 4;
            current.omitsExtendedOnType3 = true;
        }
        continueMessage();
    }

    /** Type 0 carries the absolute timestamp, which is also the delta a following type 3 reuses (5.3.1.2.4). */
    private void applyTimestamp(long value, boolean extended) {
        current.extended = extended;
        if (extended) {
            current.extendedValue = value;
        }
        current.timestampDelta = value;
        current.timestamp = format == 0 ? value : current.timestamp + value & 0xFFFF_FFFFL;
        current.hasHeader = true;
        startMessage();
    }

    private void startOrContinueType3() {
        if (current.inProgress) {
            continueMessage();
        } else {
            current.timestamp = current.timestamp + current.timestampDelta & 0xFFFF_FFFFL;
            startMessage();
        }
    }

    private void startMessage() {
        current.payload = EMPTY;
        current.received = 0;
        current.inProgress = true;
        continueMessage();
    }

    private void continueMessage() {
        chunkRemaining = Math.min(chunkSize, current.messageLength - current.received);
        state = State.PAYLOAD;
    }

    private void readPayload(ByteBuffer in, Consumer<RawMessage> sink) {
        ChunkStreamState stream = current;
        int n = Math.min(chunkRemaining, available(in));
        if (n > 0) {
            ensureCapacity(stream, stream.received + n, available(in) - n);
            int fromPushback = Math.min(n, pushbackEnd - pushbackStart);
            System.arraycopy(pushback, pushbackStart, stream.payload, stream.received, fromPushback);
            pushbackStart += fromPushback;
            in.get(stream.payload, stream.received + fromPushback, n - fromPushback);
            stream.received += n;
            chunkRemaining -= n;
        }
        if (chunkRemaining == 0) {
            state = State.BASIC_HEADER;
            if (stream.received == stream.messageLength) {
                byte[] payload = stream.payload;
                release(stream);
                sink.accept(new RawMessage(stream.id, stream.timestamp, stream.typeId, stream.messageStreamId,
                        payload));
            }
        }
    }

    /**
     * Makes room for {@code needed} bytes of the message: the exact length when the rest of it is already
     * in the buffer ({@code stillAvailable} bytes follow this chunk's) and the buffer's credit covers it, or
     * when at least half of it has arrived; else double the array, never past the length. Either way an
     * array is at most twice the bytes that arrived for it. When the limits leave less than that, the array
     * grows to what they leave, as long as {@code needed} fits.
     *
     * <p>Past half, the length is within the two-fold that doubling allows, and taking it at once spares the
     * arrays in between: a video frame split across two reads (a read buffer smaller than the frame) was
     * copied into a second and then a third array.
     */
    private void ensureCapacity(ChunkStreamState stream, int needed, int stillAvailable) {
        int capacity = stream.payload.length;
        if (needed <= capacity) {
            return;
        }
        int length = stream.messageLength;
        int rest = length - needed;
        boolean restArrived = rest <= stillAvailable && rest <= lookaheadCredit;
        boolean halfArrived = 2L * needed >= length;
        long wanted = restArrived || halfArrived ? length : Math.min(length, Math.max(2L * capacity, needed));
        int grown = (int) grow(capacity, needed, wanted);
        if (restArrived) {
            lookaheadCredit -= grown - needed;
        }
        byte[] larger = new byte[grown];
        System.arraycopy(stream.payload, 0, larger, 0, stream.received);
        stream.payload = larger;
    }

    /** Reserves the growth of one array from {@code capacity} to {@code wanted}, or at least to {@code needed}. */
    private long grow(long capacity, long needed, long wanted) {
        long others = bufferedBytes - capacity;
        LimitExceededException.check(RtmpLimits.MAX_BUFFERED_BYTES, limits.maxBufferedBytes(), others + needed);
        long extra = Math.min(wanted, limits.maxBufferedBytes() - others) - capacity;
        if (!budget.tryReserve(extra)) {
            extra = needed - capacity;
            if (!budget.tryReserve(extra)) {
                throw new LimitExceededException(RtmpLimits.MEMORY_BUDGET, budget.capacity(), budget.used() + extra);
            }
        }
        bufferedBytes += extra;
        return capacity + extra;
    }

    private void release(ChunkStreamState stream) {
        bufferedBytes -= stream.payload.length;
        budget.release(stream.payload.length);
        stream.payload = null;
        stream.received = 0;
        stream.inProgress = false;
    }

    private void expect(State next, int bytes) {
        state = next;
        scratchNeeded = bytes;
        scratchFilled = 0;
    }

    private boolean fillScratch(ByteBuffer in) {
        while (scratchFilled < scratchNeeded && available(in) > 0) {
            scratch[scratchFilled++] = (byte) next(in);
        }
        return scratchFilled == scratchNeeded;
    }

    private int available(ByteBuffer in) {
        return pushbackEnd - pushbackStart + in.remaining();
    }

    private int next(ByteBuffer in) {
        if (pushbackStart < pushbackEnd) {
            return pushback[pushbackStart++] & 0xFF;
        }
        return in.get() & 0xFF;
    }

    private int u24(int at) {
        return (scratch[at] & 0xFF) << 16 | (scratch[at + 1] & 0xFF) << 8 | scratch[at + 2] & 0xFF;
    }

    private long u32(int at) {
        return Integer.toUnsignedLong((scratch[at] & 0xFF) << 24 | u24(at + 1));
    }
}

package io.sluice.media.rtmp.chunk;

import static io.sluice.media.rtmp.chunk.ChunkGoldenTest.concat;
import static io.sluice.media.rtmp.chunk.ChunkGoldenTest.msg;
import static io.sluice.media.rtmp.chunk.ChunkGoldenTest.pattern;
import static io.sluice.media.testing.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import io.sluice.media.rtmp.MemoryBudget;
import io.sluice.media.rtmp.RtmpLimits;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkDecoderTest {

    private static final int N = 1000;

    @Test
    void setChunkSizeAppliesToTheNextChunkInTheSameBuffer() {
        byte[] input = concat(bytes("02 000000 000004 01 00000000 00000100"),
                bytes("06 000000 000100 09 01000000"), pattern(0, 256));
        ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS);
        List<RawMessage> out = new ArrayList<>();

        decoder.decode(ByteBuffer.wrap(input), message -> {
            out.add(message);
            if (message.typeId() == 1) {
                decoder.setChunkSize(ByteBuffer.wrap(message.payload()).getInt());
            }
        });

        assertThat(out).hasSize(2);
        assertThat(out.get(1)).isEqualTo(new RawMessage(6, 0, 9, 1, pattern(0, 256)));
    }

    @Test
    void abortDropsThePartialMessage() {
        byte[] firstChunk = concat(bytes("06 000000 000400 09 01000000"), pattern(0, 128));
        byte[] afterAbort = concat(bytes("06 000000 000001 09 01000000 17"));
        ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS);
        List<RawMessage> out = new ArrayList<>();

        decoder.decode(ByteBuffer.wrap(firstChunk), out::add);
        assertThat(decoder.bufferedBytes()).isEqualTo(128);
        decoder.abort(6);
        assertThat(decoder.bufferedBytes()).isZero();
        decoder.decode(ByteBuffer.wrap(afterAbort), out::add);

        assertThat(out).containsExactly(msg(6, 0, 9, 1, "17"));
    }

    @Test
    void largeMessagesGrowAsTheirBytesArrive() {
        int length = 300_000;
        SplitMessage split = new SplitMessage(length);

        assertThat(split.feed(12 + 4096)).as("what arrived, not the 300,000 bytes declared").isEqualTo(4096);
        assertThat(split.feed(1 + 4096)).as("doubled when more came").isEqualTo(2 * 4096);
        assertThat(split.feedRest()).isZero();

        assertThat(split.messages).containsExactly(new RawMessage(6, 0, 9, 1, pattern(0, length)));
    }

    /**
     * A frame split across two reads, most of it in the first: once half of it has arrived the array takes its
     * exact length, rather than doubling first and being copied once more when the rest comes.
     */
    @Test
    void aMessageHalfArrivedGetsItsExactLength() {
        int length = 12_000;
        SplitMessage split = new SplitMessage(length);

        assertThat(split.feed(12 + 4096 + 1 + 2000)).as("6,096 of 12,000 bytes arrived").isEqualTo(length);
        assertThat(split.feedRest()).isZero();

        assertThat(split.messages).containsExactly(new RawMessage(6, 0, 9, 1, pattern(0, length)));
    }

    /** One message in 4096-byte chunks, fed to a decoder a read at a time. */
    private static final class SplitMessage {

        final byte[] encoded;
        final ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS);
        final List<RawMessage> messages = new ArrayList<>();
        int fed;

        SplitMessage(int length) {
            encoded = encoded(4096, new RawMessage(6, 0, 9, 1, pattern(0, length)));
            decoder.setChunkSize(4096);
        }

        /** Decodes the next {@code bytes} of the message; answers what the decoder holds afterwards. */
        long feed(int bytes) {
            decoder.decode(ByteBuffer.wrap(encoded, fed, bytes), messages::add);
            fed += bytes;
            return decoder.bufferedBytes();
        }

        long feedRest() {
            return feed(encoded.length - fed);
        }
    }

    /**
     * The attack that once took the process down: handshake done, then on each of 60 chunk streams a header
     * declaring an 8 MB video message and one chunk of its payload. What the decoder holds is the 60 chunks
     * that arrived, not 60 × 64 KiB (nor 60 × 8 MB).
     */
    @Test
    void declaredLengthsCostNothingUntilTheirBytesArrive() {
        int declared = 8 << 20;
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (int id = 3; id < 63; id++) {
            input.writeBytes(concat(new byte[] {(byte) id}, bytes("000000"), u24(declared), bytes("09 01000000"),
                    pattern(id, 128)));
        }
        MemoryBudget budget = new MemoryBudget(1 << 30);
        ChunkDecoder headersOnly = new ChunkDecoder(RtmpLimits.DEFAULTS, budget);
        headersOnly.decode(ByteBuffer.wrap(concat(bytes("03 000000"), u24(declared), bytes("09 01000000"))), m -> { });
        assertThat(headersOnly.bufferedBytes()).as("a header alone").isZero();

        ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS, budget);
        decoder.decode(ByteBuffer.wrap(input.toByteArray()), m -> { });

        assertThat(decoder.bufferedBytes()).isEqualTo(60 * 128);
        assertThat(budget.used()).isEqualTo(60 * 128);
    }

    /** Whole messages in one read get one array of their exact length, whatever the number of chunks. */
    @Test
    void aMessageWhoseBytesHaveAllArrivedGetsItsExactLengthAtOnce() {
        int length = 30_000;
        byte[] encoded = encoded(128, new RawMessage(6, 0, 9, 1, pattern(0, length)));
        ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS);
        List<RawMessage> messages = new ArrayList<>();

        decoder.decode(ByteBuffer.wrap(encoded, 0, encoded.length - 1), messages::add);

        assertThat(messages).isEmpty();
        assertThat(decoder.bufferedBytes()).as("the last byte is missing, yet the rest was in the read").isEqualTo(length);
    }

    /**
     * Sizing an array for bytes that are in the read but not yet decoded is charged against that read:
     * sixty chunk streams cannot each be granted the same kilobytes ahead.
     */
    @Test
    void bytesGrantedAheadNeverExceedTheRead() {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (int id = 3; id < 63; id++) {
            input.writeBytes(concat(new byte[] {(byte) id}, bytes("000000"), u24(4000), bytes("09 01000000"),
                    pattern(id, 128)));
        }
        byte[] read = input.toByteArray();
        ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS);

        decoder.decode(ByteBuffer.wrap(read), m -> { });

        assertThat(decoder.bufferedBytes()).isBetween(60 * 128L, 60 * 128L + read.length);
    }

    @ParameterizedTest(name = "{0} bytes arrived against a budget of " + N)
    @ValueSource(ints = {N - 1, N, N + 1})
    void memoryBudget(int arrived) {
        MemoryBudget budget = new MemoryBudget(N);
        byte[] encoded = encoded(128, new RawMessage(6, 0, 9, 1, pattern(0, 5000)));
        int headers = 12 + (arrived - 1) / 128;
        ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS, budget);

        expectLimitUnless(arrived <= N, RtmpLimits.MEMORY_BUDGET,
                () -> decoder.decode(ByteBuffer.wrap(encoded, 0, headers + arrived), m -> { }));

        if (arrived <= N) {
            assertThat(decoder.bufferedBytes()).isBetween((long) arrived, (long) N);
            assertThat(budget.used()).isEqualTo(decoder.bufferedBytes());
        }
        decoder.close();
        assertThat(budget.used()).as("given back when the connection is over").isZero();
    }

    @Test
    void oneBudgetBoundsEveryDecoderThatSharesIt() {
        MemoryBudget budget = new MemoryBudget(10_000);
        byte[] encoded = encoded(4096, new RawMessage(6, 0, 9, 1, pattern(0, 20_000)));
        ChunkDecoder first = new ChunkDecoder(RtmpLimits.DEFAULTS, budget);
        first.setChunkSize(4096);
        ChunkDecoder second = new ChunkDecoder(RtmpLimits.DEFAULTS, budget);
        second.setChunkSize(4096);
        ByteBuffer twoChunks = ByteBuffer.wrap(encoded, 0, 12 + 4096 + 1 + 4096);

        first.decode(twoChunks.duplicate(), m -> { });
        assertThatThrownBy(() -> second.decode(twoChunks.duplicate(), m -> { }))
                .isInstanceOfSatisfying(LimitExceededException.class,
                        e -> assertThat(e.limitName()).isEqualTo(RtmpLimits.MEMORY_BUDGET));
        second.close();
        first.close();

        assertThat(budget.used()).isZero();
        ChunkDecoder third = new ChunkDecoder(RtmpLimits.DEFAULTS, budget);
        third.setChunkSize(4096);
        third.decode(twoChunks.duplicate(), m -> { });
        assertThat(third.bufferedBytes()).isEqualTo(2 * 4096);
    }

    @Test
    void aSinkMayCloseTheDecoderAndTheRestOfTheReadIsDropped() {
        MemoryBudget budget = new MemoryBudget(1 << 20);
        ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS, budget);
        byte[] input = concat(bytes("04 000000 000001 09 01000000 17"), bytes("06 000000 000100 09 01000000"),
                pattern(0, 128));
        List<RawMessage> messages = new ArrayList<>();

        decoder.decode(ByteBuffer.wrap(input), message -> {
            messages.add(message);
            decoder.close();
        });

        assertThat(messages).hasSize(1);
        assertThat(budget.used()).isZero();
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(bytes("04")), m -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesACompressedHeaderWithoutAFirstHeader() {
        assertMalformed(bytes("84 000000 AF"), "before any type 0 or 1 header");
        assertMalformed(bytes("C4 AF"), "before any type 0 or 1 header");
    }

    @Test
    void acceptsLibrtmpsTypeOneHeaderOnAFreshChunkStream() {
        List<RawMessage> out = new ArrayList<>();
        new ChunkDecoder(RtmpLimits.DEFAULTS).decode(ByteBuffer.wrap(bytes("42 000000 000006 04 0007 00000D0F")),
                out::add);
        assertThat(out).containsExactly(msg(2, 0, 4, 0, "0007 00000D0F"));
    }

    @Test
    void refusesANewHeaderBeforeTheMessageIsComplete() {
        assertMalformed(concat(bytes("06 000000 000100 09 01000000"), pattern(0, 128),
                bytes("46 000000 000001 09 17")), "before the previous message was complete");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 0x8000_0000L})
    void refusesChunkSizesOutsideTheSpecification(long size) {
        ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS);
        assertThatThrownBy(() -> decoder.setChunkSize(size)).isInstanceOf(MediaFormatException.class)
                .isNotInstanceOf(LimitExceededException.class);
    }

    @ParameterizedTest(name = "message of {0} bytes against a limit of " + N)
    @ValueSource(ints = {N - 1, N, N + 1})
    void maxMessageLength(int length) {
        ChunkEncoder encoder = new ChunkEncoder();
        OutputBuffer out = new OutputBuffer();
        encoder.encode(new RawMessage(6, 0, 9, 1, new byte[length]), out);
        ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS.withMaxMessageLength(N));
        expectLimitUnless(length <= N, RtmpLimits.MAX_MESSAGE_LENGTH,
                () -> decoder.decode(out.drain(), message -> { }));
    }

    @ParameterizedTest(name = "chunk size {0} against a limit of " + N)
    @ValueSource(ints = {N - 1, N, N + 1})
    void maxChunkSize(int size) {
        ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS.withMaxChunkSize(N));
        expectLimitUnless(size <= N, RtmpLimits.MAX_CHUNK_SIZE, () -> decoder.setChunkSize(size));
    }

    @ParameterizedTest(name = "{0} chunk streams against a limit of 10")
    @ValueSource(ints = {9, 10, 11})
    void maxChunkStreams(int streams) {
        ChunkEncoder encoder = new ChunkEncoder();
        OutputBuffer out = new OutputBuffer();
        for (int id = 0; id < streams; id++) {
            encoder.encode(new RawMessage(2 + id * 300, 0, 8, 1, new byte[1]), out);
        }
        ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS.withMaxChunkStreams(10));
        List<RawMessage> messages = new ArrayList<>();
        expectLimitUnless(streams <= 10, RtmpLimits.MAX_CHUNK_STREAMS, () -> decoder.decode(out.drain(), messages::add));
        if (streams <= 10) {
            assertThat(messages).hasSize(streams);
        }
    }

    /**
     * The limit counts ids ever used, not messages in flight: an id whose messages all completed keeps its
     * last header (a compressed header may follow at any time) and so keeps its place, and coming back to
     * it is free.
     */
    @Test
    void chunkStreamIdsKeepTheirPlaceAfterTheirMessagesComplete() {
        ChunkEncoder encoder = new ChunkEncoder();
        OutputBuffer out = new OutputBuffer();
        for (int id = 3; id <= 5; id++) {
            encoder.encode(new RawMessage(id, 0, 8, 1, new byte[1]), out);
        }
        encoder.encode(new RawMessage(3, 40, 8, 1, new byte[1]), out);
        ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS.withMaxChunkStreams(3));
        List<RawMessage> messages = new ArrayList<>();
        ByteBuffer reused = out.drain();
        assertThat(reused.get(reused.limit() - 5) & 0xFF).as("a type 2 header on chunk stream 3").isEqualTo(0x83);

        decoder.decode(reused, messages::add);

        assertThat(messages).extracting(RawMessage::chunkStreamId).containsExactly(3, 4, 5, 3);
        assertThat(messages.getLast().timestamp()).isEqualTo(40);
        assertThat(decoder.bufferedBytes()).isZero();
        encoder.encode(new RawMessage(6, 0, 8, 1, new byte[1]), out);
        assertThatThrownBy(() -> decoder.decode(out.drain(), messages::add))
                .isInstanceOfSatisfying(LimitExceededException.class,
                        e -> assertThat(e.limitName()).isEqualTo(RtmpLimits.MAX_CHUNK_STREAMS));
    }

    /**
     * Two incomplete messages, in two reads: 128 bytes of the first, then {@code total - 128} bytes of the
     * second. The limit counts what arrived; the arrays may round up only as far as the limit leaves room.
     */
    @ParameterizedTest(name = "{0} bytes of incomplete messages against a limit of " + N)
    @ValueSource(ints = {N - 1, N, N + 1})
    void maxBufferedBytes(int total) {
        RtmpLimits limits = RtmpLimits.DEFAULTS.withMaxMessageLength(N).withMaxBufferedBytes(N);
        byte[] second = encoded(128, new RawMessage(7, 0, 9, 1, pattern(0, N)));
        int secondArrived = total - 128;
        int secondHeaders = 12 + (secondArrived - 1) / 128;
        ChunkDecoder decoder = new ChunkDecoder(limits);
        decoder.decode(ByteBuffer.wrap(concat(bytes("06 000000 000258 09 01000000"), pattern(0, 128))), m -> { });

        expectLimitUnless(total <= N, RtmpLimits.MAX_BUFFERED_BYTES,
                () -> decoder.decode(ByteBuffer.wrap(second, 0, secondHeaders + secondArrived), message -> { }));
        if (total <= N) {
            assertThat(decoder.bufferedBytes()).isBetween((long) total, (long) N);
        }
    }

    @Test
    void failedDecoderStaysFailed() {
        ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS);
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(bytes("C4")), message -> { }))
                .isInstanceOf(MediaFormatException.class);
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(bytes("04")), message -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    private static byte[] encoded(int chunkSize, RawMessage message) {
        ChunkEncoder encoder = new ChunkEncoder();
        encoder.setChunkSize(chunkSize);
        OutputBuffer out = new OutputBuffer();
        encoder.encode(message, out);
        return out.drain().array();
    }

    static byte[] u24(int value) {
        return new byte[] {(byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static void assertMalformed(byte[] input, String message) {
        ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS);
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(input), m -> { }))
                .isInstanceOf(MediaFormatException.class).hasMessageContaining(message);
    }

    private static void expectLimitUnless(boolean withinLimit, String limitName, Runnable action) {
        if (withinLimit) {
            action.run();
        } else {
            assertThatThrownBy(action::run).isInstanceOfSatisfying(LimitExceededException.class,
                    e -> assertThat(e.limitName()).isEqualTo(limitName));
        }
    }
}

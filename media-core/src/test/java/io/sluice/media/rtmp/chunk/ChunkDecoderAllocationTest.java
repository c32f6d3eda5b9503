package io.sluice.media.rtmp.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.media.rtmp.RtmpLimits;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * "No per-chunk allocation on the steady path", counted rather than timed: the same messages cut into
 * 128-byte chunks (32 per message) and into 4096-byte chunks (one per message) allocate the same bytes to
 * decode, the message payloads and their records, whatever the number of chunks, when each read holds
 * whole messages; reads that cut messages anywhere cost some arrays more, within twice the payload. The
 * count is the JVM's per-thread allocation counter, exact to the object, so the comparison is
 * deterministic once both paths have run a few times (class loading and the first compilations allocate
 * too).
 */
class ChunkDecoderAllocationTest {

    private static final int MESSAGES = 1000;
    private static final int PAYLOAD = 4000;
    private static final int READ = 16 * 1024;

    @Test
    void decodingAllocatesTheSameWhateverTheChunkSize() {
        com.sun.management.ThreadMXBean threads = threadBean();
        List<ByteBuffer> small = reads(128, true);
        List<ByteBuffer> large = reads(4096, true);
        for (int i = 0; i < 20; i++) {
            allocatedDecoding(small, 128, threads);
            allocatedDecoding(large, 4096, threads);
        }
        long smallChunks = Long.MAX_VALUE;
        long largeChunks = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            smallChunks = Math.min(smallChunks, allocatedDecoding(small, 128, threads));
            largeChunks = Math.min(largeChunks, allocatedDecoding(large, 4096, threads));
        }

        assertThat(Math.abs(smallChunks - largeChunks))
                .as("%d messages in %d chunks allocated %d bytes, in %d chunks %d bytes", MESSAGES, 32 * MESSAGES,
                        smallChunks, MESSAGES, largeChunks)
                .isLessThan(1024);
        assertThat(largeChunks / MESSAGES).as("bytes allocated per message of %d bytes", PAYLOAD)
                .isBetween((long) PAYLOAD, PAYLOAD + 128L);
    }

    @Test
    void readsThatCutMessagesAnywhereStayWithinTwiceThePayload() {
        com.sun.management.ThreadMXBean threads = threadBean();
        List<ByteBuffer> cut = reads(128, false);
        long allocated = Long.MAX_VALUE;
        for (int i = 0; i < 25; i++) {
            allocated = Math.min(allocated, allocatedDecoding(cut, 128, threads));
        }

        assertThat(allocated / MESSAGES).as("bytes allocated per message of %d bytes", PAYLOAD)
                .isBetween((long) PAYLOAD, 2L * PAYLOAD);
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        boolean supported = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled();
        // The JDK the build runs on counts them; in CI a JVM that does not is a broken build, not a skip.
        if ("true".equals(System.getenv("CI"))) {
            assertThat(supported).as("this JVM counts allocated bytes per thread").isTrue();
        }
        assumeTrue(supported, "this JVM does not count allocated bytes per thread");
        return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    }

    /**
     * The messages as a peer would send them at {@code chunkSize}, in reads of about 16 KiB: ending on a
     * message's end when {@code wholeMessages}, else cut wherever 16 KiB falls.
     */
    private static List<ByteBuffer> reads(int chunkSize, boolean wholeMessages) {
        ChunkEncoder encoder = new ChunkEncoder();
        encoder.setChunkSize(chunkSize);
        OutputBuffer out = new OutputBuffer();
        List<Integer> messageEnds = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            byte[] payload = new byte[PAYLOAD];
            payload[0] = (byte) (i == 0 ? 0x17 : 0x27);
            encoder.encode(new RawMessage(6, 40L * i, 9, 1, payload), out);
            messageEnds.add(out.size());
        }
        ByteBuffer stream = out.drain();
        List<ByteBuffer> reads = new ArrayList<>();
        int from = 0;
        while (from < stream.limit()) {
            int to = Math.min(from + READ, stream.limit());
            if (wholeMessages) {
                int end = from;
                for (int messageEnd : messageEnds) {
                    if (messageEnd > end && messageEnd <= from + READ) {
                        end = messageEnd;
                    }
                }
                to = end;
            }
            reads.add(stream.slice(from, to - from));
            from = to;
        }
        return reads;
    }

    private static long allocatedDecoding(List<ByteBuffer> reads, int chunkSize,
            com.sun.management.ThreadMXBean threads) {
        ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS);
        decoder.setChunkSize(chunkSize);
        RawMessage[] decoded = new RawMessage[MESSAGES];
        int[] count = new int[1];
        Consumer<RawMessage> sink = message -> decoded[count[0]++] = message;
        for (ByteBuffer read : reads) {
            read.rewind();
        }

        long before = threads.getCurrentThreadAllocatedBytes();
        for (ByteBuffer read : reads) {
            decoder.decode(read, sink);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(count[0]).isEqualTo(MESSAGES);
        return allocated;
    }
}

package io.sluice.media.rtmp.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sluice.media.amf.AmfLimits;
import io.sluice.media.error.MediaFormatException;
import io.sluice.media.rtmp.MemoryBudget;
import io.sluice.media.rtmp.RtmpLimits;
import java.nio.ByteBuffer;

/**
 * Fuzzes chunk decoding with message assembly, Set Chunk Size and Abort applied the way the sessions apply
 * them. Input is read in pieces whose size the first byte picks; anything but a
 * {@link MediaFormatException} is a finding, as is holding more than the buffered-bytes limit, more than
 * three times the bytes that arrived, or anything of the budget once the decoder is closed.
 */
class ChunkDecoderFuzzTest {

    private static final RtmpLimits LIMITS = new RtmpLimits(RtmpLimits.HANDSHAKE_BYTES, 1 << 20, 200_000, 16,
            300_000, 100_000, AmfLimits.DEFAULTS);

    @FuzzTest
    void decodeAndAssemble(byte[] input) {
        if (input.length == 0) {
            return;
        }
        MemoryBudget budget = new MemoryBudget(LIMITS.maxBufferedBytes());
        ChunkDecoder decoder = new ChunkDecoder(LIMITS, budget);
        int piece = (input[0] & 0xFF) * 8 + 1;
        try {
            for (int offset = 1; offset < input.length; offset += piece) {
                long arrived = Math.min(input.length, offset + piece) - 1;
                decoder.decode(ByteBuffer.wrap(input, offset, Math.min(piece, input.length - offset)), message -> {
                    assertThat(message.payload().length).isLessThanOrEqualTo(LIMITS.maxMessageLength());
                    if (message.typeId() == 1 && message.payload().length == 4) {
                        decoder.setChunkSize(ByteBuffer.wrap(message.payload()).getInt() & 0xFFFF_FFFFL);
                    } else if (message.typeId() == 2 && message.payload().length == 4) {
                        decoder.abort(ByteBuffer.wrap(message.payload()).getInt() & 0xFFFF_FFFFL);
                    }
                });
                assertThat(decoder.bufferedBytes()).isBetween(0L, Math.min(LIMITS.maxBufferedBytes(), 3 * arrived));
                assertThat(budget.used()).isEqualTo(decoder.bufferedBytes());
            }
        } catch (MediaFormatException expected) {
            // Malformed or over a limit: the typed failure is the expected outcome.
        }
        decoder.close();
        assertThat(budget.used()).isZero();
    }
}

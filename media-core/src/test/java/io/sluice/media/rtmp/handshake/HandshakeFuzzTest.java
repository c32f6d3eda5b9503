package io.sluice.media.rtmp.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sluice.media.error.MediaFormatException;
import io.sluice.media.rtmp.RtmpLimits;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * Fuzzes the server handshake with arbitrary client bytes, read in pieces whose size the first input byte
 * picks: it either completes, waits for more, or fails with {@link MediaFormatException}, and never reads
 * past C2.
 */
class HandshakeFuzzTest {

    @FuzzTest
    void serverHandshake(byte[] input) {
        if (input.length == 0) {
            return;
        }
        ServerHandshake handshake = new ServerHandshake(new SplittableRandom(0), RtmpLimits.HANDSHAKE_BYTES);
        int piece = (input[0] & 0xFF) * 16 + 1;
        int consumed = 0;
        try {
            for (int offset = 1; offset < input.length && handshake.state() != ServerHandshake.State.DONE;
                    offset += piece) {
                ByteBuffer bytes = ByteBuffer.wrap(input, offset, Math.min(piece, input.length - offset));
                byte[] reply = handshake.feed(bytes);
                assertThat(reply.length).isIn(0, 1 + 2 * 1536);
                consumed += bytes.position() - offset;
            }
        } catch (MediaFormatException expected) {
            assertThat(handshake.state()).isEqualTo(ServerHandshake.State.FAILED);
            return;
        }
        assertThat(consumed).isLessThanOrEqualTo(RtmpLimits.HANDSHAKE_BYTES);
    }
}

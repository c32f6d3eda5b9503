package io.sluice.media.rtmp.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sluice.media.error.MediaFormatException;
import io.sluice.media.rtmp.RtmpLimits;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Fuzzes both sides of the handshake with arbitrary peer bytes, read in pieces whose size the first input
 * byte picks: each either completes, waits for more, or fails with {@link MediaFormatException}, and
 * never reads past the peer's last packet (C2 or S2).
 */
class HandshakeFuzzTest {

    private static final int S0_S1 = 1 + HandshakeDigest.PACKET_SIZE;
    private static final int S0_S1_S2 = S0_S1 + HandshakeDigest.PACKET_SIZE;

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

    /**
     * The client side against arbitrary server bytes. No fuzzer finds an HMAC, so bits of the first byte
     * make the harness sign the fuzzed S1 (in the schema the input's bytes pick) and make S2 answer C1's
     * digest, which leads into the digest checks: bit 0 asks for the simple form instead of the digest
     * form, bit 1 signs S1, bit 2 answers C1 in S2, the rest picks the read size.
     */
    @FuzzTest
    void clientHandshake(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int control = input[0] & 0xFF;
        HandshakeKind kind = (control & 1) == 0 ? HandshakeKind.DIGEST : HandshakeKind.SIMPLE;
        ClientHandshake handshake = new ClientHandshake(kind, new SplittableRandom(0), RtmpLimits.HANDSHAKE_BYTES);
        byte[] c1 = Arrays.copyOfRange(handshake.start(), 1, S0_S1);
        byte[] server = Arrays.copyOfRange(input, 1, input.length);
        if ((control & 2) != 0 && server.length >= S0_S1) {
            byte[] s1 = Arrays.copyOfRange(server, 1, S0_S1);
            DigestSchema schema = DigestSchema.values()[(s1[4] & 0xFF) % DigestSchema.values().length];
            HandshakeDigest.imprint(s1, schema, HandshakeDigest.SERVER_KEY_PUBLIC);
            System.arraycopy(s1, 0, server, 1, s1.length);
        }
        if ((control & 4) != 0 && server.length >= S0_S1_S2) {
            byte[] s2 = Arrays.copyOfRange(server, S0_S1, S0_S1_S2);
            byte[] answer = HandshakeDigest.answerDigest(s2, HandshakeDigest.digestAt(c1, DigestSchema.SCHEMA_1),
                    HandshakeDigest.SERVER_KEY_FULL);
            System.arraycopy(answer, 0, server, S0_S1_S2 - HandshakeDigest.DIGEST_SIZE, HandshakeDigest.DIGEST_SIZE);
        }
        int piece = (control >>> 3) * 64 + 1;
        int consumed = 0;
        int replies = 0;
        try {
            for (int offset = 0; offset < server.length && handshake.state() != ClientHandshake.State.DONE;
                    offset += piece) {
                ByteBuffer bytes = ByteBuffer.wrap(server, offset, Math.min(piece, server.length - offset));
                byte[] reply = handshake.feed(bytes);
                assertThat(reply.length).isIn(0, HandshakeDigest.PACKET_SIZE);
                replies += reply.length == 0 ? 0 : 1;
                consumed += bytes.position() - offset;
            }
        } catch (MediaFormatException expected) {
            assertThat(handshake.state()).isEqualTo(ClientHandshake.State.FAILED);
            return;
        }
        assertThat(consumed).isLessThanOrEqualTo(S0_S1_S2);
        assertThat(replies).as("C2, once S1 is in").isEqualTo(consumed >= S0_S1 ? 1 : 0);
        if (handshake.state() == ClientHandshake.State.DONE) {
            assertThat(consumed).isEqualTo(S0_S1_S2);
        }
    }
}

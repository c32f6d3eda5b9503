package io.sluice.media.rtmp.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import io.sluice.media.rtmp.RtmpLimits;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class HandshakeTest {

    private static final int PACKET = HandshakeDigest.PACKET_SIZE;

    @ParameterizedTest
    @EnumSource(HandshakeKind.class)
    void clientAndServerAgreeOnTheForm(HandshakeKind kind) {
        ClientHandshake client = new ClientHandshake(kind, new SplittableRandom(1), RtmpLimits.HANDSHAKE_BYTES);
        ServerHandshake server = new ServerHandshake(new SplittableRandom(2), RtmpLimits.HANDSHAKE_BYTES);

        byte[] c0c1 = client.start();
        byte[] s0s1s2 = server.feed(ByteBuffer.wrap(c0c1));
        assertThat(s0s1s2).hasSize(1 + 2 * PACKET);
        byte[] c2 = client.feed(ByteBuffer.wrap(s0s1s2));
        server.feed(ByteBuffer.wrap(c2));

        assertThat(client.state()).isEqualTo(ClientHandshake.State.DONE);
        assertThat(server.state()).isEqualTo(ServerHandshake.State.DONE);
        assertThat(server.kind()).isEqualTo(kind);
        assertThat(client.kind()).isEqualTo(kind);
        if (kind == HandshakeKind.SIMPLE) {
            assertThat(Arrays.copyOfRange(s0s1s2, 1 + PACKET, 1 + 2 * PACKET))
                    .as("S2 echoes C1").isEqualTo(Arrays.copyOfRange(c0c1, 1, 1 + PACKET));
        } else {
            assertThat(server.schema()).isEqualTo(DigestSchema.SCHEMA_1);
        }
    }

    @Test
    void serverAnswersASchema0DigestInSchema0() {
        byte[] c1 = new byte[PACKET];
        new SplittableRandom(3).nextBytes(c1);
        c1[4] = 10;
        HandshakeDigest.imprint(c1, DigestSchema.SCHEMA_0, HandshakeDigest.PLAYER_KEY_PUBLIC);
        ServerHandshake server = new ServerHandshake(new SplittableRandom(4), RtmpLimits.HANDSHAKE_BYTES);

        byte[] reply = server.feed(ByteBuffer.wrap(concat(new byte[] {3}, c1)));

        assertThat(server.kind()).isEqualTo(HandshakeKind.DIGEST);
        assertThat(server.schema()).isEqualTo(DigestSchema.SCHEMA_0);
        byte[] s1 = Arrays.copyOfRange(reply, 1, 1 + PACKET);
        byte[] s2 = Arrays.copyOfRange(reply, 1 + PACKET, 1 + 2 * PACKET);
        assertThat(HandshakeDigest.hasValidDigest(s1, DigestSchema.SCHEMA_0, HandshakeDigest.SERVER_KEY_PUBLIC)).isTrue();
        assertThat(HandshakeDigest.isValidAnswer(s2, HandshakeDigest.digestAt(c1, DigestSchema.SCHEMA_0),
                HandshakeDigest.SERVER_KEY_FULL)).isTrue();
    }

    @Test
    void aVersionWithoutAValidDigestFallsBackToSimple() {
        byte[] c1 = new byte[PACKET];
        new SplittableRandom(5).nextBytes(c1);
        c1[4] = 9;
        ServerHandshake server = new ServerHandshake(new SplittableRandom(6), RtmpLimits.HANDSHAKE_BYTES);

        byte[] reply = server.feed(ByteBuffer.wrap(concat(new byte[] {3}, c1)));

        assertThat(server.kind()).isEqualTo(HandshakeKind.SIMPLE);
        assertThat(Arrays.copyOfRange(reply, 1 + PACKET, 1 + 2 * PACKET)).isEqualTo(c1);
    }

    @Test
    void serverHandlesInputSplitAtEveryByte() {
        ClientHandshake client = new ClientHandshake(HandshakeKind.DIGEST, new SplittableRandom(7),
                RtmpLimits.HANDSHAKE_BYTES);
        ServerHandshake server = new ServerHandshake(new SplittableRandom(8), RtmpLimits.HANDSHAKE_BYTES);
        byte[] c0c1 = client.start();
        byte[] reply = new byte[0];
        for (int i = 0; i < c0c1.length; i++) {
            byte[] out = server.feed(ByteBuffer.wrap(c0c1, i, 1));
            if (i < c0c1.length - 1) {
                assertThat(out).isEmpty();
            }
            reply = concat(reply, out);
        }
        byte[] c2 = new byte[0];
        for (int i = 0; i < reply.length; i++) {
            c2 = concat(c2, client.feed(ByteBuffer.wrap(reply, i, 1)));
        }
        for (int i = 0; i < c2.length; i++) {
            assertThat(server.state()).isEqualTo(ServerHandshake.State.AWAIT_C2);
            server.feed(ByteBuffer.wrap(c2, i, 1));
        }
        assertThat(server.state()).isEqualTo(ServerHandshake.State.DONE);
        assertThat(client.state()).isEqualTo(ClientHandshake.State.DONE);
    }

    @Test
    void serverLeavesBytesAfterC2InTheBuffer() {
        ClientHandshake client = new ClientHandshake(HandshakeKind.SIMPLE, new SplittableRandom(9),
                RtmpLimits.HANDSHAKE_BYTES);
        ServerHandshake server = new ServerHandshake(new SplittableRandom(10), RtmpLimits.HANDSHAKE_BYTES);
        byte[] c0c1 = client.start();
        byte[] c2 = client.feed(ByteBuffer.wrap(server.feed(ByteBuffer.wrap(c0c1))));
        ByteBuffer pipelined = ByteBuffer.wrap(concat(c2, new byte[] {0x03, 0x00, 0x00}));

        server.feed(pipelined);

        assertThat(server.state()).isEqualTo(ServerHandshake.State.DONE);
        assertThat(pipelined.remaining()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, 8, 0x16, 'G'})
    void serverRefusesOtherVersions(int version) {
        ServerHandshake server = new ServerHandshake(new SplittableRandom(11), RtmpLimits.HANDSHAKE_BYTES);
        assertThatThrownBy(() -> server.feed(ByteBuffer.wrap(new byte[] {(byte) version, 0})))
                .isInstanceOf(MediaFormatException.class);
        assertThat(server.state()).isEqualTo(ServerHandshake.State.FAILED);
    }

    @ParameterizedTest(name = "limit {0} for a {1}-byte handshake")
    @ValueSource(ints = {RtmpLimits.HANDSHAKE_BYTES - 1, RtmpLimits.HANDSHAKE_BYTES, RtmpLimits.HANDSHAKE_BYTES + 1})
    void serverHandshakeBytesLimit(int limit) {
        ClientHandshake client = new ClientHandshake(HandshakeKind.DIGEST, new SplittableRandom(12),
                RtmpLimits.HANDSHAKE_BYTES);
        ServerHandshake server = new ServerHandshake(new SplittableRandom(13), limit);
        byte[] c2 = client.feed(ByteBuffer.wrap(server.feed(ByteBuffer.wrap(client.start()))));
        if (limit < RtmpLimits.HANDSHAKE_BYTES) {
            assertThatThrownBy(() -> server.feed(ByteBuffer.wrap(c2)))
                    .isInstanceOfSatisfying(LimitExceededException.class,
                            e -> assertThat(e.limitName()).isEqualTo(RtmpLimits.MAX_HANDSHAKE_BYTES));
            assertThat(server.state()).isEqualTo(ServerHandshake.State.FAILED);
        } else {
            server.feed(ByteBuffer.wrap(c2));
            assertThat(server.state()).isEqualTo(ServerHandshake.State.DONE);
        }
    }

    @Test
    void clientRefusesAnS2ThatDoesNotAnswerItsDigest() {
        ClientHandshake client = new ClientHandshake(HandshakeKind.DIGEST, new SplittableRandom(14),
                RtmpLimits.HANDSHAKE_BYTES);
        ServerHandshake server = new ServerHandshake(new SplittableRandom(15), RtmpLimits.HANDSHAKE_BYTES);
        byte[] reply = server.feed(ByteBuffer.wrap(client.start()));
        reply[reply.length - 1] ^= 1;

        assertThatThrownBy(() -> client.feed(ByteBuffer.wrap(reply))).isInstanceOf(MediaFormatException.class);
        assertThat(client.state()).isEqualTo(ClientHandshake.State.FAILED);
    }

    /**
     * A server may put its S1 digest in either place whatever the client used (FMS answers in the client's
     * schema, some servers always use schema 0): the client looks in both and answers the one it finds.
     */
    @ParameterizedTest
    @EnumSource(DigestSchema.class)
    void clientAnswersAServerSigningS1InEitherSchema(DigestSchema serverSchema) {
        ClientHandshake client = new ClientHandshake(HandshakeKind.DIGEST, new SplittableRandom(17),
                RtmpLimits.HANDSHAKE_BYTES);
        byte[] c1 = Arrays.copyOfRange(client.start(), 1, 1 + PACKET);
        byte[] s1 = new byte[PACKET];
        new SplittableRandom(18).nextBytes(s1);
        System.arraycopy(new byte[] {0, 0, 0, 0, 4, 5, 0, 1}, 0, s1, 0, 8);
        HandshakeDigest.imprint(s1, serverSchema, HandshakeDigest.SERVER_KEY_PUBLIC);
        DigestSchema other = serverSchema == DigestSchema.SCHEMA_0 ? DigestSchema.SCHEMA_1 : DigestSchema.SCHEMA_0;
        assertThat(HandshakeDigest.hasValidDigest(s1, other, HandshakeDigest.SERVER_KEY_PUBLIC)).isFalse();
        byte[] s2 = new byte[PACKET];
        new SplittableRandom(19).nextBytes(s2);
        System.arraycopy(HandshakeDigest.answerDigest(s2, HandshakeDigest.digestAt(c1, DigestSchema.SCHEMA_1),
                HandshakeDigest.SERVER_KEY_FULL), 0, s2, PACKET - HandshakeDigest.DIGEST_SIZE,
                HandshakeDigest.DIGEST_SIZE);

        byte[] c2 = client.feed(ByteBuffer.wrap(concat(concat(new byte[] {3}, s1), s2)));

        assertThat(client.state()).isEqualTo(ClientHandshake.State.DONE);
        assertThat(client.kind()).isEqualTo(HandshakeKind.DIGEST);
        assertThat(HandshakeDigest.isValidAnswer(c2, HandshakeDigest.digestAt(s1, serverSchema),
                HandshakeDigest.PLAYER_KEY_FULL)).as("C2 answers S1's digest where the server put it").isTrue();
    }

    @Test
    void clientAcceptsASimpleServer() {
        ClientHandshake client = new ClientHandshake(HandshakeKind.DIGEST, new SplittableRandom(16),
                RtmpLimits.HANDSHAKE_BYTES);
        byte[] c0c1 = client.start();
        byte[] s1 = new byte[PACKET];
        byte[] reply = concat(concat(new byte[] {3}, s1), Arrays.copyOfRange(c0c1, 1, c0c1.length));

        byte[] c2 = client.feed(ByteBuffer.wrap(reply));

        assertThat(c2).as("C2 echoes S1").isEqualTo(s1);
        assertThat(client.state()).isEqualTo(ClientHandshake.State.DONE);
        assertThat(client.kind()).isEqualTo(HandshakeKind.SIMPLE);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}

package io.sluice.media.rtmp.handshake;

import io.sluice.media.error.MediaFormatException;
import java.nio.ByteBuffer;
import java.util.random.RandomGenerator;

/**
 * The server side of the handshake. It reads C0 and C1; if C1 carries a valid Flash Player digest (either
 * schema) it answers in the digest form, otherwise in the simple form, with S0, S1 and S2 in one go. It
 * then reads C2 without checking it: section 5.2.4 wants C2 to echo S1, but digest clients send their own
 * answer and the ones in the field disagree, so, like nginx-rtmp and ffmpeg, the server does not judge.
 *
 * <p>Sans-IO: {@link #feed(ByteBuffer)} takes bytes and returns the bytes to send. It never reads past C2,
 * so a connect command that arrives in the same read as C2 stays in the buffer. A malformed C0 throws
 * {@link MediaFormatException}, going over the handshake limit throws
 * {@link io.sluice.media.error.LimitExceededException}; either leaves the handshake {@link State#FAILED}.
 */
public final class ServerHandshake {

    /** Where the handshake stands; {@link #DONE} and {@link #FAILED} are terminal. */
    public enum State { AWAIT_C0, AWAIT_C1, AWAIT_C2, DONE, FAILED }

    /** The version S1 reports in the digest form; clients only check that it is not zero. */
    private static final byte[] SERVER_VERSION = {4, 5, 0, 1};
    private static final byte[] NOTHING = new byte[0];

    private final RandomGenerator random;
    private final HandshakeInput input;
    private State state = State.AWAIT_C0;
    private HandshakeKind kind;
    private DigestSchema schema;

    /**
     * @param random            the source of S1/S2's random bytes, which need no cryptographic strength
     * @param maxHandshakeBytes the most bytes the handshake may read
     */
    public ServerHandshake(RandomGenerator random, int maxHandshakeBytes) {
        this.random = random;
        this.input = new HandshakeInput(maxHandshakeBytes);
    }

    /**
     * Consumes handshake bytes from {@code in} (never past the end of C2) and returns what to send back:
     * S0 + S1 + S2 once C1 is complete, an empty array otherwise.
     */
    public byte[] feed(ByteBuffer in) {
        if (state == State.DONE || state == State.FAILED) {
            throw new IllegalStateException("handshake already " + state);
        }
        try {
            byte[] reply = NOTHING;
            while (in.hasRemaining() && state != State.DONE) {
                switch (state) {
                    case AWAIT_C0 -> {
                        readVersion(input.version(in));
                        state = State.AWAIT_C1;
                    }
                    case AWAIT_C1 -> {
                        if (input.fill(in)) {
                            reply = answer(input.take());
                            state = State.AWAIT_C2;
                        }
                    }
                    case AWAIT_C2 -> {
                        if (input.fill(in)) {
                            input.take();
                            state = State.DONE;
                        }
                    }
                    case DONE, FAILED -> throw new IllegalStateException(state.name());
                }
            }
            return reply;
        } catch (RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
    }

    /** Where the handshake stands now. */
    public State state() {
        return state;
    }

    /** The form the client used, once C1 has been read; {@code null} before. */
    public HandshakeKind kind() {
        return kind;
    }

    /** Where the client's digest was, for the digest form; {@code null} otherwise. */
    public DigestSchema schema() {
        return schema;
    }

    private static void readVersion(int version) {
        if (version == 6 || version == 8) {
            throw new MediaFormatException("encrypted RTMP (RTMPE, C0 version " + version + ") is not supported");
        }
        if (version != HandshakeDigest.RTMP_VERSION) {
            throw new MediaFormatException("unsupported RTMP version " + version + " in C0");
        }
    }

    private byte[] answer(byte[] c1) {
        schema = c1[4] == 0 && c1[5] == 0 && c1[6] == 0 && c1[7] == 0 ? null : findClientDigest(c1);
        kind = schema == null ? HandshakeKind.SIMPLE : HandshakeKind.DIGEST;
        byte[] reply = new byte[1 + 2 * HandshakeDigest.PACKET_SIZE];
        reply[0] = HandshakeDigest.RTMP_VERSION;
        byte[] s1 = randomPacket();
        s1[0] = s1[1] = s1[2] = s1[3] = 0;
        byte[] s2;
        if (schema == null) {
            s1[4] = s1[5] = s1[6] = s1[7] = 0;
            s2 = c1;
        } else {
            System.arraycopy(SERVER_VERSION, 0, s1, 4, 4);
            HandshakeDigest.imprint(s1, schema, HandshakeDigest.SERVER_KEY_PUBLIC);
            s2 = randomPacket();
            byte[] answer = HandshakeDigest.answerDigest(s2, HandshakeDigest.digestAt(c1, schema),
                    HandshakeDigest.SERVER_KEY_FULL);
            System.arraycopy(answer, 0, s2, HandshakeDigest.PACKET_SIZE - HandshakeDigest.DIGEST_SIZE,
                    HandshakeDigest.DIGEST_SIZE);
        }
        System.arraycopy(s1, 0, reply, 1, HandshakeDigest.PACKET_SIZE);
        System.arraycopy(s2, 0, reply, 1 + HandshakeDigest.PACKET_SIZE, HandshakeDigest.PACKET_SIZE);
        return reply;
    }

    private static DigestSchema findClientDigest(byte[] c1) {
        for (DigestSchema candidate : DigestSchema.values()) {
            if (HandshakeDigest.hasValidDigest(c1, candidate, HandshakeDigest.PLAYER_KEY_PUBLIC)) {
                return candidate;
            }
        }
        return null;
    }

    private byte[] randomPacket() {
        byte[] packet = new byte[HandshakeDigest.PACKET_SIZE];
        random.nextBytes(packet);
        return packet;
    }
}

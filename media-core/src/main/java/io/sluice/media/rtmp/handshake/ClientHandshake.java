package io.sluice.media.rtmp.handshake;

import io.sluice.media.error.MediaFormatException;
import java.nio.ByteBuffer;
import java.util.random.RandomGenerator;

/**
 * The client side of the handshake. In the digest form (what ffmpeg and librtmp send) C1 reports Flash
 * Player version 9.0.124.2 and carries a schema 1 digest; if S1 answers with a valid server digest, C2
 * answers it and S2 must carry the answer to C1's digest, otherwise C2 echoes S1 and S2 is not checked
 * (older servers echo C1, some do not). C2 is sent as soon as S1 is in, without waiting for S2 (section
 * 5.2.1 lets a server hold S2 back until it has C2).
 */
public final class ClientHandshake {

    /** Where the handshake stands; {@link #DONE} and {@link #FAILED} are terminal. */
    public enum State { START, AWAIT_S0, AWAIT_S1, AWAIT_S2, DONE, FAILED }

    private static final byte[] FLASH_PLAYER_VERSION = {9, 0, 124, 2};
    private static final byte[] NOTHING = new byte[0];

    private final HandshakeKind requested;
    private final RandomGenerator random;
    private final HandshakeInput input;
    private State state = State.START;
    private byte[] c1Digest;
    private boolean serverSignedS1;

    /**
     * @param kind              the form of C1 to send
     * @param random            the source of C1/C2's random bytes, which need no cryptographic strength
     * @param maxHandshakeBytes the most bytes the handshake may read from the server
     */
    public ClientHandshake(HandshakeKind kind, RandomGenerator random, int maxHandshakeBytes) {
        this.requested = kind;
        this.random = random;
        this.input = new HandshakeInput(maxHandshakeBytes);
    }

    /** C0 + C1, to send first. */
    public byte[] start() {
        if (state != State.START) {
            throw new IllegalStateException("handshake already started");
        }
        byte[] c1 = randomPacket();
        c1[0] = c1[1] = c1[2] = c1[3] = 0;
        if (requested == HandshakeKind.DIGEST) {
            System.arraycopy(FLASH_PLAYER_VERSION, 0, c1, 4, 4);
            HandshakeDigest.imprint(c1, DigestSchema.SCHEMA_1, HandshakeDigest.PLAYER_KEY_PUBLIC);
            c1Digest = HandshakeDigest.digestAt(c1, DigestSchema.SCHEMA_1);
        } else {
            c1[4] = c1[5] = c1[6] = c1[7] = 0;
        }
        byte[] out = new byte[1 + HandshakeDigest.PACKET_SIZE];
        out[0] = HandshakeDigest.RTMP_VERSION;
        System.arraycopy(c1, 0, out, 1, c1.length);
        state = State.AWAIT_S0;
        return out;
    }

    /**
     * Consumes handshake bytes from {@code in} (never past the end of S2) and returns what to send: C2 once
     * S1 is complete, an empty array otherwise.
     */
    public byte[] feed(ByteBuffer in) {
        if (state == State.START || state == State.DONE || state == State.FAILED) {
            throw new IllegalStateException("cannot take server bytes in state " + state);
        }
        try {
            byte[] reply = NOTHING;
            while (in.hasRemaining() && state != State.DONE) {
                switch (state) {
                    case AWAIT_S0 -> {
                        int version = input.version(in);
                        if (version != HandshakeDigest.RTMP_VERSION) {
                            throw new MediaFormatException("server answered with RTMP version " + version);
                        }
                        state = State.AWAIT_S1;
                    }
                    case AWAIT_S1 -> {
                        if (input.fill(in)) {
                            reply = answer(input.take());
                            state = State.AWAIT_S2;
                        }
                    }
                    case AWAIT_S2 -> {
                        if (input.fill(in)) {
                            checkS2(input.take());
                            state = State.DONE;
                        }
                    }
                    case START, DONE, FAILED -> throw new IllegalStateException(state.name());
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

    /** Whether the server signed S1, which makes this a digest handshake on both sides. */
    public HandshakeKind kind() {
        return serverSignedS1 ? HandshakeKind.DIGEST : HandshakeKind.SIMPLE;
    }

    private byte[] answer(byte[] s1) {
        DigestSchema serverSchema = null;
        if (requested == HandshakeKind.DIGEST) {
            for (DigestSchema candidate : DigestSchema.values()) {
                if (HandshakeDigest.hasValidDigest(s1, candidate, HandshakeDigest.SERVER_KEY_PUBLIC)) {
                    serverSchema = candidate;
                    break;
                }
            }
        }
        serverSignedS1 = serverSchema != null;
        if (!serverSignedS1) {
            return s1;
        }
        byte[] c2 = randomPacket();
        byte[] answer = HandshakeDigest.answerDigest(c2, HandshakeDigest.digestAt(s1, serverSchema),
                HandshakeDigest.PLAYER_KEY_FULL);
        System.arraycopy(answer, 0, c2, HandshakeDigest.PACKET_SIZE - HandshakeDigest.DIGEST_SIZE,
                HandshakeDigest.DIGEST_SIZE);
        return c2;
    }

    private void checkS2(byte[] s2) {
        if (serverSignedS1 && !HandshakeDigest.isValidAnswer(s2, c1Digest, HandshakeDigest.SERVER_KEY_FULL)) {
            throw new MediaFormatException("S2 does not answer C1's digest");
        }
    }

    private byte[] randomPacket() {
        byte[] packet = new byte[HandshakeDigest.PACKET_SIZE];
        random.nextBytes(packet);
        return packet;
    }
}

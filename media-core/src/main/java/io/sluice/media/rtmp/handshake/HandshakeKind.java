package io.sluice.media.rtmp.handshake;

/** Which form of handshake was used. */
public enum HandshakeKind {
    /** Section 5.2.3: random bytes, S2 echoes C1. */
    SIMPLE,
    /** The Flash Player 9 form: C1 and S1 carry an HMAC-SHA256 digest, C2 and S2 answer the peer's digest. */
    DIGEST
}

package io.sluice.media.rtmp.handshake;

import io.sluice.media.error.LimitExceededException;
import io.sluice.media.rtmp.RtmpLimits;
import java.nio.ByteBuffer;

/**
 * Collects one 1536-byte handshake packet across partial reads, counting every byte it takes against the
 * handshake limit. It never takes more than the packet needs, so bytes after the handshake stay in the
 * caller's buffer.
 */
final class HandshakeInput {

    private final int maxBytes;
    private final byte[] packet = new byte[HandshakeDigest.PACKET_SIZE];
    private int filled;
    private int consumed;

    HandshakeInput(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Takes the version byte (C0 or S0). */
    int version(ByteBuffer in) {
        count(1);
        return in.get() & 0xFF;
    }

    /** Takes what {@code in} has towards the current packet; true once it is complete. */
    boolean fill(ByteBuffer in) {
        int n = Math.min(in.remaining(), packet.length - filled);
        count(n);
        in.get(packet, filled, n);
        filled += n;
        return filled == packet.length;
    }

    /** The complete packet; the next {@link #fill} starts a new one. */
    byte[] take() {
        filled = 0;
        return packet.clone();
    }

    private void count(int n) {
        consumed += n;
        LimitExceededException.check(RtmpLimits.MAX_HANDSHAKE_BYTES, maxBytes, consumed);
    }
}

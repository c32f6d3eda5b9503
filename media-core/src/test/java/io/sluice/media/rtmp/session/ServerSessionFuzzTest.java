package io.sluice.media.rtmp.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sluice.media.amf.AmfLimits;
import io.sluice.media.rtmp.RtmpLimits;
import io.sluice.media.rtmp.handshake.ClientHandshake;
import io.sluice.media.rtmp.handshake.HandshakeKind;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * Fuzzes the whole server session with arbitrary bytes after a valid handshake, the service accepting
 * every publish and, driven by the input, asking for reconnects, pinging and ending sessions. No input
 * may make a method throw: malformed input and broken limits must end in the FAILED state. The replies
 * stay in proportion to what the client sent (no text of the client's echoed unbounded), so a client that
 * never reads can only make the server write what its own requests pay for.
 */
class ServerSessionFuzzTest {

    private static final RtmpServerConfig CONFIG = RtmpServerConfig.DEFAULTS.withLimits(new RtmpLimits(
            RtmpLimits.HANDSHAKE_BYTES, 1 << 20, 200_000, 16, 300_000, 100_000,
            new AmfLimits(16, 4096, 512, 64, 8192)));

    /**
     * Replies per byte received, beyond a fixed allowance: the largest answer to the smallest request (a
     * connect's result with the window, bandwidth and chunk size messages before it, about 400 bytes, for a
     * connect command of about 30) with the echo cap on any client text.
     */
    private static final int REPLY_BYTES_PER_INPUT_BYTE = 16;
    private static final int REPLY_ALLOWANCE = 2048;

    @FuzzTest
    void afterHandshake(byte[] input) {
        if (input.length == 0) {
            return;
        }
        RtmpServerSession server = new RtmpServerSession(CONFIG, new SplittableRandom(0));
        ClientHandshake handshake = new ClientHandshake(HandshakeKind.DIGEST, new SplittableRandom(1),
                RtmpLimits.HANDSHAKE_BYTES);
        server.feed(ByteBuffer.wrap(handshake.start()));
        server.feed(ByteBuffer.wrap(handshake.feed(server.drainOutput())));
        assertThat(server.state()).isEqualTo(ServerState.AWAIT_CONNECT);

        int control = input[0] & 0xFF;
        int piece = (control & 0x3F) * 16 + 1;
        long replied = 0;
        for (int offset = 1; offset < input.length; offset += piece) {
            server.feed(ByteBuffer.wrap(input, offset, Math.min(piece, input.length - offset)));
            for (ServerEvent event : server.drainEvents()) {
                if (event instanceof ServerEvent.PublishRequested) {
                    server.acceptPublish();
                }
            }
            switch (control >>> 6) {
                case 1 -> server.requestReconnect("rtmp://other/live", "maintenance");
                case 2 -> server.sendPing(offset);
                default -> {
                    // No service action on this input.
                }
            }
            replied += server.drainOutput().remaining();
            // Reconnect requests and pings are the service's doing, not the client's: bounded only without them.
            boolean serviceWrites = control >>> 6 == 1 || control >>> 6 == 2;
            if (!serviceWrites) {
                assertThat(replied).as("reply bytes after %d input bytes", offset).isLessThanOrEqualTo(
                        REPLY_ALLOWANCE + (long) REPLY_BYTES_PER_INPUT_BYTE * Math.min(input.length, offset + piece));
            }
        }
        if (control >>> 6 == 3) {
            server.end(PublishRefusal.DENIED, "ended");
        }
        server.inputClosed();
        assertThat(server.state().isTerminal()).isTrue();
        assertThat(server.state() == ServerState.FAILED).isEqualTo(server.failure().isPresent());
    }
}

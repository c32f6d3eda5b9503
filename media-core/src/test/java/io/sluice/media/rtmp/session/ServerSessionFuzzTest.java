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
 * may make a method throw: malformed input and broken limits must end in the FAILED state.
 */
class ServerSessionFuzzTest {

    private static final RtmpServerConfig CONFIG = RtmpServerConfig.DEFAULTS.withLimits(new RtmpLimits(
            RtmpLimits.HANDSHAKE_BYTES, 1 << 20, 200_000, 16, 300_000, 100_000,
            new AmfLimits(16, 4096, 512, 64, 8192)));

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
            server.drainOutput();
        }
        if (control >>> 6 == 3) {
            server.end(PublishRefusal.DENIED, "ended");
        }
        server.inputClosed();
        assertThat(server.state().isTerminal()).isTrue();
        assertThat(server.state() == ServerState.FAILED).isEqualTo(server.failure().isPresent());
    }
}

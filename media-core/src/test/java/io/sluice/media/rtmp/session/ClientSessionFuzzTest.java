package io.sluice.media.rtmp.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sluice.media.amf.Amf0Number;
import io.sluice.media.amf.AmfLimits;
import io.sluice.media.rtmp.RtmpLimits;
import io.sluice.media.rtmp.handshake.HandshakeKind;
import io.sluice.media.rtmp.handshake.ServerHandshake;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fuzzes the whole client session with arbitrary server bytes after a valid handshake, the caller sending
 * media, metadata or unpublishing once publishing, as the first input byte picks. No server input may make
 * a method throw: malformed input and broken limits must end in the FAILED state.
 */
class ClientSessionFuzzTest {

    private static final RtmpClientConfig CONFIG = RtmpClientConfig.forUrl("rtmp://127.0.0.1/live/ffmpeg-key")
            .withHandshake(HandshakeKind.SIMPLE)
            .withLimits(new RtmpLimits(RtmpLimits.HANDSHAKE_BYTES, 1 << 20, 200_000, 16, 300_000, 100_000,
                    new AmfLimits(16, 4096, 512, 64, 8192)));
    private static final byte[] VIDEO = {0x27, 1, 0, 0, 0, 0, 0, 0, 1, 0x41};
    private static final byte[] AUDIO = {(byte) 0xAF, 1, 0x21};

    @FuzzTest
    void afterHandshake(byte[] input) {
        if (input.length == 0) {
            return;
        }
        RtmpClientSession client = new RtmpClientSession(CONFIG, new SplittableRandom(0));
        ServerHandshake handshake = new ServerHandshake(new SplittableRandom(1), RtmpLimits.HANDSHAKE_BYTES);
        client.start();
        client.feed(ByteBuffer.wrap(handshake.feed(client.drainOutput())));
        handshake.feed(client.drainOutput());
        assertThat(client.state()).isEqualTo(ClientState.CONNECTING);

        int control = input[0] & 0xFF;
        int piece = (control & 0x3F) * 16 + 1;
        for (int offset = 1; offset < input.length; offset += piece) {
            client.feed(ByteBuffer.wrap(input, offset, Math.min(piece, input.length - offset)));
            client.drainEvents();
            if (client.state() == ClientState.PUBLISHING) {
                switch (control >>> 6) {
                    case 1 -> assertThat(client.sendVideo(offset, VIDEO)).isTrue();
                    case 2 -> assertThat(client.sendMetadata(offset, Map.of("width", new Amf0Number(320)))).isTrue();
                    case 3 -> client.unpublish();
                    default -> assertThat(client.sendAudio(offset, AUDIO)).isTrue();
                }
            }
            client.drainOutput();
        }
        client.inputClosed();
        assertThat(client.state().isTerminal()).isTrue();
        assertThat(client.state() == ClientState.FAILED).isEqualTo(client.failure().isPresent());
        assertThat(client.sendVideo(0, VIDEO)).isFalse();
    }
}

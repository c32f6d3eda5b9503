package io.sluice.media.rtmp.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.media.amf.Amf0String;
import io.sluice.media.amf.AmfLimits;
import io.sluice.media.rtmp.RtmpLimits;
import io.sluice.media.rtmp.chunk.ChunkDecoder;
import io.sluice.media.rtmp.handshake.HandshakeKind;
import io.sluice.media.rtmp.handshake.ServerHandshake;
import io.sluice.media.rtmp.message.Command;
import io.sluice.media.rtmp.message.MessageCodec;
import io.sluice.media.rtmp.message.RtmpMessage;
import io.sluice.media.rtmp.message.SetChunkSize;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays what nginx-rtmp really sent to ffmpeg publishing the clip (captures/nginx-replies-to-ffmpeg.bin)
 * through the client session, which uses ffmpeg's transaction ids: from S0 to NetStream.Unpublish.Success,
 * in reads of every size down to single bytes. The client uses the simple handshake, since the recorded
 * S2 answers ffmpeg's C1, not this client's.
 */
class NginxRepliesReplayTest {

    @ParameterizedTest(name = "in {0}-byte reads")
    @ValueSource(ints = {1, 7, 128, 4096, Integer.MAX_VALUE})
    void theClientPublishesOnNginxsReplies(int readSize) {
        byte[] replies = resource("/captures/nginx-replies-to-ffmpeg.bin");
        RtmpClientConfig config = RtmpClientConfig.forUrl("rtmp://127.0.0.1:19351/live/ffmpeg-key")
                .withHandshake(HandshakeKind.SIMPLE);
        RtmpClientSession client = new RtmpClientSession(config, new SplittableRandom(1));
        client.start();
        List<ClientEvent> events = new ArrayList<>();
        ByteBuffer sent = ByteBuffer.allocate(64 * 1024);
        for (int from = 0; from < replies.length; from += readSize) {
            client.feed(ByteBuffer.wrap(replies, from, Math.min(readSize, replies.length - from)));
            events.addAll(client.drainEvents());
            sent.put(client.drainOutput());
            assertThat(client.state()).isNotEqualTo(ClientState.FAILED);
        }

        assertThat(events).map(event -> event.getClass().getSimpleName())
                .containsExactly("Connected", "PublishStarted", "StatusReceived");
        ClientEvent.Connected connected = (ClientEvent.Connected) events.getFirst();
        assertThat(connected.serverProperties().text("fmsVer")).hasValue("FMS/3,0,1,123");
        assertThat(connected.serverCapabilities()).isEqualTo(EnhancedCapabilities.NONE);
        assertThat(events.get(1)).isEqualTo(new ClientEvent.PublishStarted(1));
        assertThat(events.get(2)).isInstanceOfSatisfying(ClientEvent.StatusReceived.class,
                status -> assertThat(status.code()).isEqualTo("NetStream.Unpublish.Success"));
        assertThat(client.state()).isEqualTo(ClientState.PUBLISHING);
        assertThat(client.bytesReceived()).isEqualTo(replies.length);
        assertThat(commandsIn(sent.flip())).containsExactly("connect", "releaseStream", "FCPublish",
                "createStream", "publish");
        assertThat(client.sendVideo(0, new byte[] {0x17, 0})).isTrue();
    }

    /** The names of the commands in what the client sent, after its C0, C1 and C2. */
    private static List<String> commandsIn(ByteBuffer sent) {
        ServerHandshake handshake = new ServerHandshake(new SplittableRandom(2), RtmpLimits.HANDSHAKE_BYTES);
        handshake.feed(sent);
        ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS);
        List<String> commands = new ArrayList<>();
        decoder.decode(sent, raw -> {
            RtmpMessage message = MessageCodec.decode(raw, AmfLimits.DEFAULTS);
            if (message instanceof SetChunkSize(int size)) {
                decoder.setChunkSize(size);
            } else if (message instanceof Command command) {
                commands.add(command.name());
                if (command.name().equals("publish")) {
                    assertThat(command.streamId()).isEqualTo(1);
                    assertThat(command.arguments()).containsExactly(new Amf0String("ffmpeg-key"),
                            new Amf0String("live"));
                    assertThat(command.transactionId()).isEqualTo(5.0);
                }
            }
        });
        return commands;
    }

    private static byte[] resource(String name) {
        try (InputStream in = NginxRepliesReplayTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

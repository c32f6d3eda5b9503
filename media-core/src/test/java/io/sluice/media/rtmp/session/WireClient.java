package io.sluice.media.rtmp.session;

import io.sluice.media.amf.Amf0Object;
import io.sluice.media.amf.Amf0String;
import io.sluice.media.amf.AmfLimits;
import io.sluice.media.rtmp.RtmpLimits;
import io.sluice.media.rtmp.chunk.ChunkDecoder;
import io.sluice.media.rtmp.chunk.ChunkEncoder;
import io.sluice.media.rtmp.chunk.OutputBuffer;
import io.sluice.media.rtmp.chunk.RawMessage;
import io.sluice.media.rtmp.handshake.ClientHandshake;
import io.sluice.media.rtmp.handshake.HandshakeKind;
import io.sluice.media.rtmp.message.CommandAmf0;
import io.sluice.media.rtmp.message.MessageCodec;
import io.sluice.media.rtmp.message.RtmpMessage;
import io.sluice.media.rtmp.message.SetChunkSize;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A hand-driven client for server tests that need messages no well-behaved client sends: it completes the
 * handshake, then encodes whatever message the test asks for and decodes what the server answers.
 */
final class WireClient {

    final RtmpServerSession server;
    private final ChunkEncoder encoder = new ChunkEncoder();
    private final ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS);

    WireClient(RtmpServerSession server) {
        this.server = server;
        ClientHandshake handshake = new ClientHandshake(HandshakeKind.SIMPLE, new SplittableRandom(3),
                RtmpLimits.HANDSHAKE_BYTES);
        server.feed(ByteBuffer.wrap(handshake.start()));
        server.feed(ByteBuffer.wrap(handshake.feed(server.drainOutput())));
    }

    static WireClient connected(RtmpServerSession server) {
        WireClient client = new WireClient(server);
        client.send(new CommandAmf0(0, 0, "connect", 1, Amf0Object.of("app", new Amf0String("live"),
                "tcUrl", new Amf0String("rtmp://localhost/live")), List.of()), 3);
        client.received();
        server.drainEvents();
        return client;
    }

    void send(RtmpMessage message, int chunkStreamId) {
        send(MessageCodec.encode(message, chunkStreamId));
    }

    /** Sends a message as it is, for payloads no message record would produce. */
    void send(RawMessage message) {
        server.feed(encode(message));
    }

    /** The chunks of {@code message}, to feed in pieces of the test's choosing. */
    ByteBuffer encode(RawMessage message) {
        OutputBuffer out = new OutputBuffer();
        encoder.encode(message, out);
        return out.drain();
    }

    /** The messages the server queued since the last call. */
    List<RtmpMessage> received() {
        List<RtmpMessage> messages = new ArrayList<>();
        decoder.decode(server.drainOutput(), raw -> {
            RtmpMessage message = MessageCodec.decode(raw, AmfLimits.DEFAULTS);
            if (message instanceof SetChunkSize(int size)) {
                decoder.setChunkSize(size);
            }
            messages.add(message);
        });
        return messages;
    }
}

package io.sluice.media.rtmp.session;

import io.sluice.media.amf.AmfLimits;
import io.sluice.media.rtmp.RtmpLimits;
import io.sluice.media.rtmp.chunk.ChunkDecoder;
import io.sluice.media.rtmp.chunk.ChunkEncoder;
import io.sluice.media.rtmp.chunk.OutputBuffer;
import io.sluice.media.rtmp.chunk.RawMessage;
import io.sluice.media.rtmp.handshake.ServerHandshake;
import io.sluice.media.rtmp.message.MessageCodec;
import io.sluice.media.rtmp.message.RtmpMessage;
import io.sluice.media.rtmp.message.SetChunkSize;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A hand-driven server for client tests: it answers the handshake, then sends whatever message the test
 * asks for and decodes what the client sends, keeping the chunks as well for header checks.
 */
final class WireServer {

    final RtmpClientSession client;
    final List<RawMessage> rawReceived = new ArrayList<>();
    private final ServerHandshake handshake = new ServerHandshake(new SplittableRandom(5), RtmpLimits.HANDSHAKE_BYTES);
    private final ChunkEncoder encoder = new ChunkEncoder();
    private final ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS);

    WireServer(RtmpClientSession client) {
        this.client = client;
        client.start();
        client.feed(ByteBuffer.wrap(handshake.feed(client.drainOutput())));
    }

    void send(RtmpMessage message, int chunkStreamId) {
        client.feed(encode(message, chunkStreamId));
    }

    /** The chunks of {@code message}, to feed in pieces of the test's choosing. */
    ByteBuffer encode(RtmpMessage message, int chunkStreamId) {
        OutputBuffer out = new OutputBuffer();
        encoder.encode(MessageCodec.encode(message, chunkStreamId), out);
        if (message instanceof SetChunkSize(int size)) {
            encoder.setChunkSize(size);
        }
        return out.drain();
    }

    /** The messages the client queued since the last call, after its handshake. */
    List<RtmpMessage> received() {
        ByteBuffer bytes = client.drainOutput();
        if (handshake.state() != ServerHandshake.State.DONE) {
            handshake.feed(bytes);
        }
        List<RtmpMessage> messages = new ArrayList<>();
        decoder.decode(bytes, raw -> {
            rawReceived.add(raw);
            RtmpMessage message = MessageCodec.decode(raw, AmfLimits.DEFAULTS);
            if (message instanceof SetChunkSize(int size)) {
                decoder.setChunkSize(size);
            }
            messages.add(message);
        });
        return messages;
    }

    /** The raw bytes the client queued since the last call, for header-level checks. */
    byte[] receivedBytes() {
        ByteBuffer bytes = client.drainOutput();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        return copy;
    }
}

package io.sluice.media.rtmp.session;

import io.sluice.media.rtmp.chunk.ChunkEncoder;
import io.sluice.media.rtmp.chunk.OutputBuffer;
import io.sluice.media.rtmp.message.MessageCodec;
import io.sluice.media.rtmp.message.RtmpMessage;
import io.sluice.media.rtmp.message.SetChunkSize;
import java.nio.ByteBuffer;

/** Encodes outgoing messages into chunks and queues the bytes until the service drains them. */
final class MessageWriter {

    private final ChunkEncoder encoder = new ChunkEncoder();
    private final OutputBuffer out = new OutputBuffer();
    private long bytesSent;

    void send(RtmpMessage message, int chunkStreamId) {
        int before = out.size();
        encoder.encode(MessageCodec.encode(message, chunkStreamId), out);
        bytesSent += out.size() - before;
        if (message instanceof SetChunkSize(int chunkSize)) {
            encoder.setChunkSize(chunkSize);
        }
    }

    /** Queues bytes that are not chunked, the handshake. */
    void sendRaw(byte[] bytes) {
        out.put(bytes);
        bytesSent += bytes.length;
    }

    boolean hasOutput() {
        return !out.isEmpty();
    }

    ByteBuffer drain() {
        return out.drain();
    }

    long bytesSent() {
        return bytesSent;
    }
}

package io.sluice.ingest.listener;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.NetSocketInternal;

/**
 * Hands TLS bytes that were read before the TLS handler existed (they came in the same read as a PROXY
 * header) to that handler, as if they had just arrived: into the head of the connection's pipeline, where
 * the upgrade puts the handler. Vert.x adds it once the socket's pending writes are flushed, normally at
 * once; until then the replay waits its turn on the connection's event loop.
 */
final class TlsInput {

    /** How many turns of the event loop the replay waits for the TLS handler before it gives up. */
    private static final int MAX_WAITS = 1000;

    private TlsInput() {
    }

    static void replay(NetSocket socket, Buffer bytes) {
        replay(((NetSocketInternal) socket).channelHandlerContext(), bytes.getBytes(), 0);
    }

    private static void replay(ChannelHandlerContext context, byte[] bytes, int waited) {
        if (!context.channel().isActive()) {
            return;
        }
        ChannelPipeline pipeline = context.pipeline();
        if (pipeline.get("ssl") != null) {
            pipeline.fireChannelRead(Unpooled.wrappedBuffer(bytes));
            pipeline.fireChannelReadComplete();
        } else if (waited < MAX_WAITS) {
            context.executor().execute(() -> replay(context, bytes, waited + 1));
        } else {
            // The upgrade never put its handler in place: nothing can read these bytes, so the connection ends.
            context.close();
        }
    }
}

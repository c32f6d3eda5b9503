package io.sluice.ingest.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelConfig;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.NetSocketInternal;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A connection's input, taken straight from Netty's pooled buffers. A Vert.x {@code NetSocket} handler gets
 * every read as a new heap buffer holding a copy of the read: under a hundred live streams, tens of megabytes
 * a second copied and collected for nothing, since the RTMP session copies what it keeps anyway. Here each read goes to the consumer as Netty read it, and back to the pool as soon as the
 * consumer returns.
 *
 * <p>Pausing stops Netty from reading the socket (auto-read off). A read already under way still delivers
 * what it read (TLS may make several buffers of one read): those wait here, so what is held is bounded by one
 * read. The end of the input is Vert.x's to deliver, after whatever its own handler holds; pausing holds it
 * back too, so it never overtakes bytes waiting here. Owned by the connection's event loop.
 */
final class SocketInput {

    /**
     * The smallest buffer a read is made into: a video frame of a few Mbit/s (12 KB at 3 Mbit/s and 30 fps)
     * fits in one read. Netty's default guess follows the reads before it down, to a few hundred bytes after a
     * run of audio messages, so the next frame filled it and took more reads (under a hundred live streams,
     * one read in eight), and the RTMP session an array per part of it. Each buffer goes back to the pool as
     * soon as its read is handled.
     */
    static final int MIN_READ_BYTES = 16 * 1024;
    /** Netty's own ceiling for a read. */
    static final int MAX_READ_BYTES = 64 * 1024;

    private final NetSocketInternal socket;
    private final ChannelConfig channel;
    private Consumer<ByteBuf> consumer;
    private final ArrayDeque<ByteBuf> waiting = new ArrayDeque<>(2);
    private boolean paused;
    private boolean discarding;

    SocketInput(NetSocket socket) {
        this.socket = (NetSocketInternal) socket;
        this.channel = this.socket.channelHandlerContext().channel().config();
        channel.setRecvByteBufAllocator(new AdaptiveRecvByteBufAllocator(MIN_READ_BYTES, MIN_READ_BYTES, MAX_READ_BYTES));
    }

    /** Starts taking the socket's reads; {@code consumer} must not keep a buffer past its return. */
    void start(Consumer<ByteBuf> consumer) {
        this.consumer = consumer;
        socket.messageHandler(this::onRead);
    }

    private void onRead(Object message) {
        if (!(message instanceof ByteBuf read) || discarding) {
            ReferenceCountUtil.release(message);
        } else if (paused || !waiting.isEmpty()) {
            waiting.add(read);
        } else {
            deliver(read);
        }
    }

    private void deliver(ByteBuf read) {
        try {
            consumer.accept(read);
        } finally {
            read.release();
        }
    }

    /** Stops reading the socket until {@link #resume()}. */
    void pause() {
        if (!paused) {
            paused = true;
            channel.setAutoRead(false);
            socket.pause();
        }
    }

    /** Delivers what waits, then reads the socket again, unless the consumer paused meanwhile. */
    void resume() {
        paused = false;
        ByteBuf next;
        while (!paused && (next = waiting.poll()) != null) {
            if (discarding) {
                next.release();
            } else {
                deliver(next);
            }
        }
        if (!paused) {
            channel.setAutoRead(true);
            socket.resume();
        }
    }

    /** From now on whatever is read, or waits, is dropped: the connection has no more use for it. */
    void discard() {
        discarding = true;
        waiting.forEach(ByteBuf::release);
        waiting.clear();
    }
}

package io.sluice.ingest.session;

import io.sluice.media.rtmp.MemoryBudget;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Writes what the RTMP session answers (acknowledgements, ping responses, command results) to the socket,
 * without letting it pile up for a client that does not read. Once the socket's write queue is full,
 * reading pauses until it drains, so a client that floods pings and never reads stops being read instead
 * of growing our memory. Bytes written and not yet handed to the operating system are bounded per
 * connection and drawn from the instance's {@link MemoryBudget}; a reply past either bound is refused, and
 * the connection is then closed. Owned by the connection's event loop.
 */
final class ReplyWriter {

    /** Why a reply could not be written. */
    enum Refusal {
        /** More than the connection's limit waits for the client to read it. */
        BACKLOG,
        /** The instance's memory budget has no room for it. */
        MEMORY_BUDGET
    }

    private final NetSocket socket;
    private final SocketFlowControl flow;
    private final MemoryBudget budget;
    private final long maxPendingBytes;
    private long pendingBytes;

    ReplyWriter(NetSocket socket, SocketFlowControl flow, MemoryBudget budget, long maxPendingBytes) {
        this.socket = socket;
        this.flow = flow;
        this.budget = budget;
        this.maxPendingBytes = maxPendingBytes;
        socket.drainHandler(v -> flow.resumeAfterReplies());
    }

    /** Writes {@code out}; returns why it could not, or nothing once it is queued. */
    Optional<Refusal> write(ByteBuffer out) {
        int length = out.remaining();
        if (pendingBytes + length > maxPendingBytes) {
            return Optional.of(Refusal.BACKLOG);
        }
        if (!budget.tryReserve(length)) {
            return Optional.of(Refusal.MEMORY_BUDGET);
        }
        pendingBytes += length;
        byte[] copy = new byte[length];
        out.get(copy);
        // Completed on this event loop once the bytes are with the operating system, or failed on a close.
        socket.write(Buffer.buffer(copy)).onComplete(done -> {
            pendingBytes -= length;
            budget.release(length);
        });
        if (socket.writeQueueFull()) {
            flow.pauseForReplies();
        }
        return Optional.empty();
    }

    /** Bytes written and not yet taken by the operating system. */
    long pendingBytes() {
        return pendingBytes;
    }
}

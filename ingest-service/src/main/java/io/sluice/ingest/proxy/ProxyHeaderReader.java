package io.sluice.ingest.proxy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads a connection's PROXY protocol header off its socket before anything else reads it. Holds at most
 * {@link ProxyHeader#MAX_LENGTH} bytes, and gives up after {@code timeout}. Once the header is read the
 * socket is paused, its handler removed, and the bytes that came after the header in the same read are
 * handed over with it: the next reader (RTMP, or TLS first) must see them.
 */
public final class ProxyHeaderReader {

    /** The header and the bytes after it that were already read. */
    public record Result(ProxyHeader header, Buffer rest) {
    }

    private final NetSocket socket;
    private final Promise<Result> promise = Promise.promise();
    private final byte[] received = new byte[ProxyHeader.MAX_LENGTH];
    private int length;

    private ProxyHeaderReader(NetSocket socket) {
        this.socket = socket;
    }

    /** Starts reading; the future fails with {@link ProxyHeaderException} on anything but a valid header in time. */
    public static Future<Result> read(Vertx vertx, NetSocket socket, Duration timeout) {
        ProxyHeaderReader reader = new ProxyHeaderReader(socket);
        long timer = vertx.setTimer(timeout.toMillis(), id -> reader.promise.tryFail(
                new ProxyHeaderException("no PROXY header within " + timeout.toMillis() + " ms")));
        socket.handler(reader::onData);
        socket.closeHandler(v -> reader.promise.tryFail(new ProxyHeaderException("closed before its PROXY header")));
        return reader.promise.future().onComplete(done -> vertx.cancelTimer(timer));
    }

    private void onData(Buffer data) {
        if (promise.future().isComplete()) {
            return;
        }
        int before = length;
        int take = Math.min(data.length(), received.length - length);
        data.getBytes(0, take, received, length);
        length += take;
        Optional<ProxyHeader> header;
        try {
            header = ProxyHeader.parse(received, length);
        } catch (ProxyHeaderException e) {
            promise.tryFail(e);
            return;
        }
        if (header.isPresent()) {
            socket.pause();
            socket.handler(null);
            Buffer rest = data.getBuffer(header.get().length() - before, data.length());
            promise.complete(new Result(header.get(), rest));
        }
    }
}

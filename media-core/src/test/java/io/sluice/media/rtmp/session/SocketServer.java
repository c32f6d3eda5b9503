package io.sluice.media.rtmp.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A blocking-socket adapter around {@link RtmpServerSession} for tests with real encoders: it serves one
 * connection on a free loopback port, the way the ingest service drives the session (feed what is read,
 * write what is drained, react to events), and records the events.
 */
final class SocketServer implements AutoCloseable {

    private final ServerSocket listener;
    private final Thread thread;
    private final List<ServerEvent> events = new ArrayList<>();
    private volatile RtmpServerSession session;

    SocketServer(RtmpServerConfig config, BiConsumer<RtmpServerSession, ServerEvent> service) {
        try {
            listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = Thread.ofPlatform().name("rtmp-test-server").start(() -> serve(config, service));
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Waits for the connection to end and returns the session's events. */
    List<ServerEvent> awaitEvents(Duration timeout) throws InterruptedException {
        if (!thread.join(timeout)) {
            throw new AssertionError("the RTMP connection did not end within " + timeout);
        }
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    RtmpServerSession session() {
        return session;
    }

    private void serve(RtmpServerConfig config, BiConsumer<RtmpServerSession, ServerEvent> service) {
        try (Socket socket = listener.accept()) {
            socket.setSoTimeout(20_000);
            RtmpServerSession server = new RtmpServerSession(config);
            session = server;
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            while (!server.state().isTerminal()) {
                int n = in.read(buffer);
                if (n < 0) {
                    server.inputClosed();
                } else {
                    server.feed(ByteBuffer.wrap(buffer, 0, n));
                }
                for (ServerEvent event : server.drainEvents()) {
                    record(event);
                    service.accept(server, event);
                }
                server.drainEvents().forEach(this::record);
                write(server, out);
            }
            socket.shutdownOutput();
            drainUntilClosed(in, buffer);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the RTMP client went quiet", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads what the client still sends after the end, so closing does not reset the connection. */
    private static void drainUntilClosed(InputStream in, byte[] buffer) throws IOException {
        try {
            while (in.read(buffer) >= 0) {
                continue;
            }
        } catch (IOException e) {
            // The client may reset the connection instead of closing it; either way it has ended.
        }
    }

    private static void write(RtmpServerSession server, OutputStream out) throws IOException {
        ByteBuffer bytes = server.drainOutput();
        out.write(bytes.array(), bytes.position(), bytes.remaining());
        out.flush();
    }

    private void record(ServerEvent event) {
        synchronized (events) {
            events.add(event);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}

package io.sluice.media.rtmp.session;

import io.sluice.media.testing.FlvFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A blocking-socket adapter around {@link RtmpClientSession} for tests against a real server: connects,
 * runs the session until it publishes or fails, then sends the tags of an FLV file and unpublishes.
 */
final class SocketClient implements AutoCloseable {

    private final Socket socket;
    private final RtmpClientSession session;
    private final InputStream in;
    private final OutputStream out;
    private final List<ClientEvent> events = new ArrayList<>();
    private final byte[] buffer = new byte[16 * 1024];

    SocketClient(String host, int port, RtmpClientConfig config) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(20_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        session = new RtmpClientSession(config);
        session.start();
        flush();
    }

    /** Runs the session until it publishes or ends; returns its state then. */
    ClientState awaitPublishing() throws IOException {
        while (session.state() != ClientState.PUBLISHING && !session.state().isTerminal()) {
            int n = in.read(buffer);
            if (n < 0) {
                session.inputClosed();
            } else {
                session.feed(ByteBuffer.wrap(buffer, 0, n));
            }
            events.addAll(session.drainEvents());
            flush();
        }
        return session.state();
    }

    /** Runs the session until the server closes the connection or the session ends. */
    ClientState awaitEnd() throws IOException {
        while (!session.state().isTerminal()) {
            int n = in.read(buffer);
            if (n < 0) {
                session.inputClosed();
            } else {
                session.feed(ByteBuffer.wrap(buffer, 0, n));
            }
            events.addAll(session.drainEvents());
            flush();
        }
        return session.state();
    }

    /** Sends every tag of {@code flv} as the encoder would, then unpublishes and waits for the close. */
    void publish(FlvFile flv) throws IOException {
        for (FlvFile.Tag tag : flv.tags()) {
            switch (tag.type()) {
                case FlvFile.SCRIPT_DATA -> session.sendMetadata(tag.timestamp(), tag.body());
                case FlvFile.AUDIO -> session.sendAudio(tag.timestamp(), tag.body());
                case FlvFile.VIDEO -> session.sendVideo(tag.timestamp(), tag.body());
                default -> throw new IllegalArgumentException("FLV tag type " + tag.type());
            }
            flush();
            while (in.available() > 0) {
                int n = in.read(buffer);
                session.feed(ByteBuffer.wrap(buffer, 0, n));
            }
        }
        session.unpublish();
        flush();
        socket.shutdownOutput();
        while (in.read(buffer) >= 0) {
            continue;
        }
        events.addAll(session.drainEvents());
    }

    RtmpClientSession session() {
        return session;
    }

    List<ClientEvent> events() {
        return events;
    }

    private void flush() throws IOException {
        ByteBuffer bytes = session.drainOutput();
        out.write(bytes.array(), bytes.position(), bytes.remaining());
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

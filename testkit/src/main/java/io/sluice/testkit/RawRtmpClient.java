package io.sluice.testkit;

import io.sluice.media.rtmp.session.ClientEvent;
import io.sluice.media.rtmp.session.ClientState;
import io.sluice.media.rtmp.session.EnhancedCapabilities;
import io.sluice.media.rtmp.session.RtmpClientConfig;
import io.sluice.media.rtmp.session.RtmpClientSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.net.ssl.SSLSocket;

/**
 * A publisher driven by media-core's client session over a blocking socket, for what ffmpeg cannot do in a
 * test: choose its source address, announce Enhanced RTMP capabilities, or watch every status it gets.
 */
public final class RawRtmpClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final RtmpClientSession session;
    private final List<ClientEvent> events = new ArrayList<>();
    private final byte[] buffer = new byte[64 * 1024];

    private RawRtmpClient(Socket socket, RtmpClientSession session) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.session = session;
    }

    /**
     * Connects from {@code localAddress} (127.0.0.2, say: every 127/8 address is this host) to
     * {@code url} ({@code rtmp://} or {@code rtmps://}, the certificate not checked) and starts the session.
     */
    public static RawRtmpClient connect(String url, String localAddress, EnhancedCapabilities capabilities) {
        RtmpClientConfig base = RtmpClientConfig.forUrl(url);
        return open(url, localAddress, new RtmpClientConfig(base.limits(), base.tcUrl(), base.app(), base.streamName(),
                base.publishType(), base.flashVer(), base.chunkSize(), base.handshake(), capabilities));
    }

    /** Connects as an encoder that calls itself {@code flashVer} in connect, whatever that holds. */
    public static RawRtmpClient connectAs(String url, String flashVer) {
        RtmpClientConfig base = RtmpClientConfig.forUrl(url);
        return open(url, "127.0.0.1", new RtmpClientConfig(base.limits(), base.tcUrl(), base.app(), base.streamName(),
                base.publishType(), flashVer, base.chunkSize(), base.handshake(), base.capabilities()));
    }

    /**
     * Connects from {@code localAddress} as a load balancer would: {@code proxyHeader} (a PROXY protocol
     * header, see {@link ProxyHeaders}) goes first, before TLS and the RTMP handshake.
     */
    public static RawRtmpClient connectBehindProxy(String url, String localAddress, byte[] proxyHeader) {
        return open(url, localAddress, RtmpClientConfig.forUrl(url), proxyHeader);
    }

    private static RawRtmpClient open(String url, String localAddress, RtmpClientConfig config) {
        return open(url, localAddress, config, new byte[0]);
    }

    private static RawRtmpClient open(String url, String localAddress, RtmpClientConfig config, byte[] proxyHeader) {
        URI uri = URI.create(url);
        try {
            Socket socket = new Socket();
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            socket.getOutputStream().write(proxyHeader);
            if (uri.getScheme().equals("rtmps")) {
                // A loaded machine may take a while for the TLS handshake; reads after it poll.
                socket.setSoTimeout(10_000);
                socket = TrustingTls.context().getSocketFactory().createSocket(socket, uri.getHost(), uri.getPort(), true);
                ((SSLSocket) socket).startHandshake();
            }
            socket.setSoTimeout(200);
            RawRtmpClient client = new RawRtmpClient(socket, new RtmpClientSession(config));
            client.session.start();
            client.flush();
            return client;
        } catch (IOException e) {
            throw new IllegalStateException("cannot connect to " + url + " from " + localAddress + ": " + e.getMessage(), e);
        }
    }

    public static RawRtmpClient connect(String url) {
        return connect(url, "127.0.0.1", EnhancedCapabilities.NONE);
    }

    /** Reads until an event matches or the connection ends; returns the matching event. */
    public ClientEvent await(Predicate<ClientEvent> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (System.nanoTime() < deadline) {
            for (; checked < events.size(); checked++) {
                if (until.test(events.get(checked))) {
                    return events.get(checked);
                }
            }
            if (!readOnce()) {
                for (; checked < events.size(); checked++) {
                    if (until.test(events.get(checked))) {
                        return events.get(checked);
                    }
                }
                throw new AssertionError("connection ended without a matching event; events: " + events);
            }
        }
        throw new AssertionError("no matching event within " + timeout + "; events: " + events);
    }

    public ClientEvent awaitPublishing(Duration timeout) {
        return await(e -> e instanceof ClientEvent.PublishStarted, timeout);
    }

    /**
     * Reads until the session is in {@code state}. What the session sends on the way (publish, when it
     * reaches {@link ClientState#PUBLISH_REQUESTED}) is on the wire when this returns.
     */
    public void awaitState(ClientState state, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (session.state() != state) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + state + " within " + timeout + " but " + session.state() + "; events: " + events);
            }
            if (!readOnce()) {
                throw new AssertionError("connection ended in " + session.state() + " before " + state + "; events: " + events);
            }
        }
    }

    /** Whether the server closed the connection within {@code timeout}. */
    public boolean awaitServerClose(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!readOnce()) {
                return true;
            }
        }
        return false;
    }

    public void sendVideo(long timestamp, byte[] body) {
        session.sendVideo(timestamp, body);
        flush();
    }

    public void sendAudio(long timestamp, byte[] body) {
        session.sendAudio(timestamp, body);
        flush();
    }

    /** Raw bytes on the wire, past the session: for malformed input. */
    public void sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("write failed: " + e.getMessage(), e);
        }
    }

    /** The message stream the client publishes on. */
    public int streamId() {
        return session.streamId();
    }

    public List<ClientEvent> events() {
        return List.copyOf(events);
    }

    public ClientState state() {
        return session.state();
    }

    /** Reads once; false when the server closed the connection. */
    private boolean readOnce() {
        try {
            int read = in.read(buffer);
            if (read < 0) {
                session.inputClosed();
                events.addAll(session.drainEvents());
                return false;
            }
            session.feed(ByteBuffer.wrap(buffer, 0, read));
            events.addAll(session.drainEvents());
            flush();
            return true;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            session.inputClosed();
            events.addAll(session.drainEvents());
            return false;
        }
    }

    private void flush() {
        try {
            while (session.hasOutput()) {
                ByteBuffer bytes = session.drainOutput();
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                out.write(copy);
            }
            out.flush();
        } catch (IOException e) {
            // The server closed; the next read reports it.
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }
}

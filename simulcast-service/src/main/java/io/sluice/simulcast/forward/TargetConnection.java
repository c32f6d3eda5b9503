package io.sluice.simulcast.forward;

import io.sluice.media.rtmp.RtmpLimits;
import io.sluice.media.rtmp.handshake.HandshakeKind;
import io.sluice.media.rtmp.session.ClientEvent;
import io.sluice.media.rtmp.session.ClientFailure;
import io.sluice.media.rtmp.session.ClientState;
import io.sluice.media.rtmp.session.EnhancedCapabilities;
import io.sluice.media.rtmp.session.PublishType;
import io.sluice.media.rtmp.session.RtmpClientConfig;
import io.sluice.media.rtmp.session.RtmpClientSession;
import io.sluice.simulcast.domain.AddressPolicy;
import io.sluice.simulcast.domain.TargetUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * One connection to a target that publishes: a blocking socket (TLS for RTMPS) driven by media-core's sans-IO
 * {@link RtmpClientSession}. The session and the socket's output are used under one lock, so bytes leave in the order
 * the session made them; a virtual thread reads what the target sends (acknowledgements, pings, its errors).
 */
final class TargetConnection implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TargetConnection.class);
    private static final int CHUNK_SIZE = 4096;

    private final RtmpClientSession session;
    private final Socket socket;
    private final OutputStream out;
    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch connectAnswered = new CountDownLatch(1);
    private final CountDownLatch publishing = new CountDownLatch(1);
    private volatile EnhancedCapabilities serverCapabilities;
    private volatile String failure;

    private TargetConnection(Socket socket, RtmpClientSession session) throws IOException {
        this.socket = socket;
        this.session = session;
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to the target, checks the address it resolves to against the policy, and starts the RTMP handshake.
     *
     * @param capabilities the Enhanced RTMP codecs to declare in connect; NONE for a legacy stream
     */
    static TargetConnection open(TargetUrl url, String streamKey, String caPem, EnhancedCapabilities capabilities,
            AddressPolicy policy, int timeoutMillis) throws TargetFailure {
        InetAddress address = resolve(url, policy);
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(address, url.port()), timeoutMillis);
            Socket stream = url.tls() ? TargetTls.wrap(socket, url.host(), url.port(), caPem, timeoutMillis) : socket;
            RtmpClientConfig config = new RtmpClientConfig(RtmpLimits.DEFAULTS, url.tcUrl(), url.app(), streamKey,
                    PublishType.LIVE, RtmpClientConfig.DEFAULT_FLASH_VERSION, CHUNK_SIZE, HandshakeKind.DIGEST,
                    capabilities);
            LOG.debugf("Publishing to %s (%s) with %s", url.address(), address.getHostAddress(), config);
            TargetConnection connection = new TargetConnection(stream, new RtmpClientSession(config));
            connection.start();
            return connection;
        } catch (IOException e) {
            closeQuietly(socket);
            throw TargetFailure.of(e, url.address());
        }
    }

    private static InetAddress resolve(TargetUrl url, AddressPolicy policy) throws TargetFailure {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.host());
        } catch (IOException e) {
            throw TargetFailure.of(e, url.address());
        }
        for (InetAddress address : addresses) {
            if (policy.allows(address)) {
                return address;
            }
        }
        throw new TargetFailure("refused: " + url.host() + " resolves to a loopback, link-local or private address");
    }

    private void start() throws IOException {
        locked(session::start);
        InputStream in = socket.getInputStream();
        Thread.ofVirtual().name("simulcast-read").start(() -> read(in));
    }

    /** Waits for the connect answer; the capabilities the target stated, or a failure. */
    EnhancedCapabilities awaitConnected(long timeoutMillis, String address) throws TargetFailure, InterruptedException {
        if (!connectAnswered.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new TargetFailure("no RTMP answer from " + address + " in time");
        }
        failIfFailed();
        return serverCapabilities;
    }

    /** Waits for NetStream.Publish.Start, or a failure. */
    void awaitPublishing(long timeoutMillis, String address) throws TargetFailure, InterruptedException {
        if (!publishing.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new TargetFailure("the target " + address + " did not start the publish in time");
        }
        failIfFailed();
    }

    void failIfFailed() throws TargetFailure {
        String reason = failure;
        if (reason != null) {
            throw new TargetFailure(reason);
        }
    }

    /**
     * Sends a tag with the given timestamp; false once the session has ended. Metadata that is not AMF0 is not
     * sent (the encoder's mistake must not end the target's publish).
     */
    boolean send(Tag tag, long timestamp) throws IOException {
        if (tag.kind() == Tag.Kind.METADATA) {
            try {
                new io.sluice.media.amf.Amf0Reader(TagBodies.withoutSetDataFrame(tag.body()),
                        RtmpLimits.DEFAULTS.amf()).readAll();
            } catch (RuntimeException e) {
                LOG.debugf("Metadata that is not AMF0 is not forwarded: %s", e.getMessage());
                return true;
            }
        }
        boolean[] sent = new boolean[1];
        locked(() -> sent[0] = switch (tag.kind()) {
            case METADATA -> session.sendMetadata(timestamp, TagBodies.withoutSetDataFrame(tag.body()));
            case AUDIO -> session.sendAudio(timestamp, tag.body());
            case VIDEO -> session.sendVideo(timestamp, tag.body());
        });
        return sent[0];
    }

    /** Ends the publish cleanly, with FCUnpublish and deleteStream. */
    void unpublish() {
        try {
            locked(() -> {
                if (session.state() == ClientState.PUBLISHING) {
                    session.unpublish();
                }
            });
            socket.shutdownOutput();
        } catch (IOException | RuntimeException e) {
            // The target went away; nothing more to tell it.
        }
    }

    long bytesSent() {
        return session.bytesSent();
    }

    @Override
    public void close() {
        closeQuietly(socket);
        connectAnswered.countDown();
        publishing.countDown();
    }

    private void read(InputStream in) {
        byte[] buffer = new byte[16 * 1024];
        try {
            int read;
            while ((read = in.read(buffer)) > 0) {
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
                locked(() -> session.feed(bytes));
            }
            locked(session::inputClosed);
        } catch (IOException e) {
            if (!socket.isClosed()) {
                fail("the connection to the target broke: " + e.getMessage());
            }
        } finally {
            connectAnswered.countDown();
            publishing.countDown();
        }
    }

    private void locked(IoAction action) throws IOException {
        List<ClientEvent> events;
        lock.lock();
        try {
            action.run();
            ByteBuffer bytes = session.drainOutput();
            if (bytes.hasRemaining()) {
                out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            }
            events = session.drainEvents();
        } finally {
            lock.unlock();
        }
        for (ClientEvent event : events) {
            switch (event) {
                case ClientEvent.Connected connected -> {
                    serverCapabilities = connected.serverCapabilities();
                    connectAnswered.countDown();
                }
                case ClientEvent.PublishStarted started -> publishing.countDown();
                case ClientEvent.Failed failed -> fail(describe(failed.failure()));
                default -> {
                    // Acknowledgements and status notes change nothing here.
                }
            }
        }
    }

    private void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
        connectAnswered.countDown();
        publishing.countDown();
    }

    /** The target's refusal in its own words. */
    static String describe(ClientFailure failure) {
        String status = (failure.code() == null ? "" : failure.code() + ": ") + failure.description();
        return switch (failure.kind()) {
            case CONNECT_REJECTED -> "connect rejected by target: " + status;
            case CREATE_STREAM_FAILED -> "createStream rejected by target: " + status;
            case PUBLISH_REFUSED -> "publish rejected by target: " + status;
            case SERVER_ERROR -> "the target stopped the publish: " + status;
            case CLOSED_BY_SERVER -> "the target closed the connection (" + failure.description() + ")";
            case PROTOCOL_ERROR, LIMIT_EXCEEDED -> "the target broke the RTMP protocol: " + failure.description();
        };
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all that is left to do.
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}

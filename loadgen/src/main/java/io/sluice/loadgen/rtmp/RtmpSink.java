package io.sluice.loadgen.rtmp;

import io.sluice.media.rtmp.session.RtmpServerConfig;
import io.sluice.media.rtmp.session.RtmpServerSession;
import io.sluice.media.rtmp.session.ServerEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An RTMP server that takes publishes and throws their media away, noting when each video frame arrives
 * ({@link FrameClock}): the target of a relay under test (nginx-rtmp's {@code push}, Sluice's simulcast). A publish
 * is known by its stream name (what the publisher used, which the relay passes on); the application tells the
 * relay's targets apart and is not needed here. One virtual thread per connection, blocking sockets.
 */
final class RtmpSink implements AutoCloseable {

    private final ServerSocket server;
    private final FrameClock clock;
    private final AtomicLong publishes = new AtomicLong();
    private final AtomicLong publishing = new AtomicLong();
    private final AtomicLong videoFrames = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Thread acceptor;

    RtmpSink(int port, FrameClock clock) throws IOException {
        this.clock = clock;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        acceptor = Thread.ofPlatform().name("sink-accept").daemon().start(this::accept);
    }

    long publishes() {
        return publishes.get();
    }

    long publishing() {
        return publishing.get();
    }

    long videoFrames() {
        return videoFrames.get();
    }

    long bytes() {
        return bytes.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().name("sink").start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        RtmpServerSession session = new RtmpServerSession(RtmpServerConfig.DEFAULTS);
        String stream = null;
        boolean started = false;
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) {
                long now = System.nanoTime();
                bytes.addAndGet(read);
                session.feed(ByteBuffer.wrap(buffer, 0, read));
                for (ServerEvent event : session.drainEvents()) {
                    switch (event) {
                        case ServerEvent.PublishRequested requested -> {
                            stream = name(requested.request().streamName());
                            session.acceptPublish();
                            publishes.incrementAndGet();
                            publishing.incrementAndGet();
                            started = true;
                        }
                        case ServerEvent.VideoReceived video -> {
                            if (!isSequenceHeader(video.payload()) && stream != null) {
                                videoFrames.incrementAndGet();
                                clock.arrived(stream, video.payload(), now);
                            }
                        }
                        case ServerEvent.PublishStopped stopped -> {
                            if (started) {
                                publishing.decrementAndGet();
                                started = false;
                            }
                        }
                        default -> {
                            // Audio, metadata and acknowledgements are not measured.
                        }
                    }
                }
                ByteBuffer output = session.drainOutput();
                if (output.hasRemaining()) {
                    out.write(output.array(), output.arrayOffset() + output.position(), output.remaining());
                }
            }
        } catch (IOException e) {
            // The relay went away; its publish is over.
        } finally {
            if (started) {
                publishing.decrementAndGet();
            }
        }
    }

    /** The stream name without arguments a relay may add ({@code name?args}). */
    private static String name(String streamName) {
        int query = streamName.indexOf('?');
        return query < 0 ? streamName : streamName.substring(0, query);
    }

    private static boolean isSequenceHeader(byte[] body) {
        if (body.length < 2) {
            return true;
        }
        if ((body[0] & 0x80) != 0) {
            return (body[0] & 0x0F) == 0;
        }
        return body[1] == 0;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

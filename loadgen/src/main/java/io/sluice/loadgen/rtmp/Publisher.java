package io.sluice.loadgen.rtmp;

import io.sluice.media.rtmp.session.ClientEvent;
import io.sluice.media.rtmp.session.ClientState;
import io.sluice.media.rtmp.session.RtmpClientConfig;
import io.sluice.media.rtmp.session.RtmpClientSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLSocket;

/**
 * One encoder: connects, publishes {@code streamName} and sends the clip in a loop, on its schedule (real
 * time) or as fast as the server takes it, until its stop time, then unpublishes. Blocking sockets on a
 * virtual thread for sending and another for what the server sends (acknowledgements, pings, errors); the
 * sans-IO session and the socket's output are used under one lock so bytes leave in the order the session
 * produced them.
 */
final class Publisher implements Runnable {

    private static final long PUBLISH_TIMEOUT_SECONDS = 15;

    private final RtmpTarget target;
    private final String streamName;
    private final int chunkSize;
    private final Clip clip;
    private final boolean realTime;
    private final long startNanos;
    private final long stopNanos;
    private final LoadCounters counters;
    private final FrameClock clock;
    private final long[] frameKeys;
    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch publishStarted = new CountDownLatch(1);

    private RtmpClientSession session;
    private OutputStream out;
    private volatile String failure;

    /**
     * @param startNanos when the first tag is due ({@link System#nanoTime()}); the connection is made before
     * @param stopNanos  when to unpublish
     * @param clock      where the send time of each video frame goes, for a sink measuring latency; may be null
     */
    Publisher(RtmpTarget target, String streamName, int chunkSize, Clip clip, boolean realTime, long startNanos,
            long stopNanos, LoadCounters counters, FrameClock clock) {
        this.target = target;
        this.streamName = streamName;
        this.chunkSize = chunkSize;
        this.clip = clip;
        this.realTime = realTime;
        this.startNanos = startNanos;
        this.stopNanos = stopNanos;
        this.counters = counters;
        this.clock = clock;
        this.frameKeys = clock == null ? null : clip.tags().stream()
                .mapToLong(t -> t.type() == io.sluice.media.flv.FlvTagType.VIDEO ? FrameClock.key(t.body()) : 0)
                .toArray();
    }

    @Override
    public void run() {
        waitUntil(startNanos - TimeUnit.MILLISECONDS.toNanos(500));
        try (Socket socket = target.connect()) {
            if (socket instanceof SSLSocket tls) {
                counters.negotiated(tls.getSession().getProtocol() + " " + tls.getSession().getCipherSuite());
            }
            out = socket.getOutputStream();
            session = new RtmpClientSession(RtmpClientConfig.forUrl(target.url() + "/" + streamName)
                    .withChunkSize(chunkSize));
            locked(session::start);
            InputStream in = socket.getInputStream();
            Thread reader = Thread.ofVirtual().name("read " + target.protocol()).start(() -> read(in, socket));
            if (!publishStarted.await(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail("no NetStream.Publish.Start within " + PUBLISH_TIMEOUT_SECONDS + " s");
            }
            if (failure == null) {
                counters.startedPublishing();
                try {
                    sendUntilStopTime();
                } finally {
                    counters.stoppedPublishing();
                }
            }
            if (failure == null) {
                locked(session::unpublish);
            }
            socket.shutdownOutput();
            reader.join(TimeUnit.SECONDS.toMillis(2));
        } catch (IOException e) {
            fail(target.protocol() + " connection: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            counters.failed(failure);
        }
    }

    private void sendUntilStopTime() throws IOException {
        for (long pass = 0; ; pass++) {
            for (int index = 0; index < clip.tags().size(); index++) {
                Clip.Tag tag = clip.tags().get(index);
                long timestamp = pass * clip.loopMillis() + tag.timestamp();
                if (realTime) {
                    long due = startNanos + TimeUnit.MILLISECONDS.toNanos(timestamp);
                    waitUntil(due);
                    counters.late(System.nanoTime() - due);
                }
                if (System.nanoTime() - stopNanos >= 0 || failure != null) {
                    return;
                }
                if (clock != null && frameKeys[index] != 0) {
                    clock.sent(streamName, frameKeys[index], System.nanoTime());
                }
                locked(() -> send(tag, timestamp));
                counters.sentMessage(tag.body().length);
            }
        }
    }

    private void send(Clip.Tag tag, long timestamp) {
        if (session.state() != ClientState.PUBLISHING) {
            return;
        }
        switch (tag.type()) {
            case AUDIO -> session.sendAudio(timestamp, tag.body());
            case VIDEO -> session.sendVideo(timestamp, tag.body());
            case SCRIPT_DATA -> session.sendMetadata(timestamp, tag.body());
        }
    }

    private void read(InputStream in, Socket socket) {
        byte[] buffer = new byte[16 * 1024];
        try {
            int read;
            while ((read = in.read(buffer)) > 0) {
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
                locked(() -> session.feed(bytes));
            }
            locked(session::inputClosed);
        } catch (IOException e) {
            if (!socket.isClosed() && failure == null && session.state() == ClientState.PUBLISHING) {
                fail("reading: " + e.getMessage());
            }
        } finally {
            publishStarted.countDown();
        }
    }

    /** Runs {@code action} on the session, then writes what it produced and handles what it reported. */
    private void locked(IoAction action) throws IOException {
        lock.lock();
        try {
            action.run();
            ByteBuffer bytes = session.drainOutput();
            int length = bytes.remaining();
            if (length > 0) {
                out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), length);
                counters.sent(length);
            }
            for (ClientEvent event : session.drainEvents()) {
                switch (event) {
                    case ClientEvent.PublishStarted started -> publishStarted.countDown();
                    case ClientEvent.Failed failed -> fail(failed.failure().kind() + ": "
                            + (failed.failure().code() == null ? "" : failed.failure().code() + " ")
                            + failed.failure().description());
                    default -> {
                        // Acknowledgements, status notes and reconnect requests change nothing for a load run.
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
        publishStarted.countDown();
    }

    private static void waitUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}

package io.sluice.testkit;

import io.sluice.media.rtmp.RtmpLimits;
import io.sluice.media.rtmp.handshake.ClientHandshake;
import io.sluice.media.rtmp.handshake.HandshakeKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An attacker's load: plain RTMP connections that complete the handshake, send the bytes a test chooses,
 * then stall, never reading and never sending again. They come from several loopback addresses (every
 * 127/8 address is this host), as from several clients.
 */
public final class StalledRtmpConnections implements AutoCloseable {

    private final List<Socket> sockets;

    private StalledRtmpConnections(List<Socket> sockets) {
        this.sockets = sockets;
    }

    /**
     * Opens {@code count} connections to {@code host:port}, spread over {@code sourceAddresses} in turn;
     * each completes the handshake and sends {@code afterHandshake}. Connections the server refuses or closes
     * at once are counted by {@link #stillOpen()}, not thrown.
     */
    public static StalledRtmpConnections open(String host, int port, int count, List<String> sourceAddresses,
            byte[] afterHandshake) {
        List<Socket> sockets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket();
            sockets.add(socket);
            try {
                socket.bind(new InetSocketAddress(sourceAddresses.get(i % sourceAddresses.size()), 0));
                socket.connect(new InetSocketAddress(host, port), 5000);
                socket.setSoTimeout(5000);
                handshake(socket, i);
                socket.getOutputStream().write(afterHandshake);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // Refused or closed by the server: the point of the test, so counted, not fatal.
                closeQuietly(socket);
            }
        }
        return new StalledRtmpConnections(sockets);
    }

    /**
     * The attack that once exhausted the ingest's heap: on each of {@code chunkStreams} chunk streams (3
     * on), a type 0 header declaring a video message of {@code declaredLength} bytes on message stream 1,
     * and one 128-byte chunk of its payload.
     */
    public static byte[] largeMessageHeaders(int chunkStreams, int declaredLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < chunkStreams; i++) {
            int id = 3 + i;
            if (id < 64) {
                out.write(id);
            } else {
                out.write(0);
                out.write(id - 64);
            }
            out.writeBytes(new byte[] {0, 0, 0, (byte) (declaredLength >>> 16), (byte) (declaredLength >>> 8),
                    (byte) declaredLength, 9, 1, 0, 0, 0});
            byte[] chunk = new byte[128];
            chunk[0] = 0x17;
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }

    /** How many connections the server has not closed: a read that sees the end (or a reset) is closed. */
    public int stillOpen() {
        int open = 0;
        for (Socket socket : sockets) {
            if (!socket.isClosed() && !endSeen(socket)) {
                open++;
            }
        }
        return open;
    }

    public int count() {
        return sockets.size();
    }

    @Override
    public void close() {
        sockets.forEach(StalledRtmpConnections::closeQuietly);
    }

    private static void handshake(Socket socket, int seed) throws IOException {
        ClientHandshake handshake = new ClientHandshake(HandshakeKind.SIMPLE, new SplittableRandom(seed),
                RtmpLimits.HANDSHAKE_BYTES);
        socket.getOutputStream().write(handshake.start());
        InputStream in = socket.getInputStream();
        byte[] s0s1s2 = in.readNBytes(1 + 1536 + 1536);
        if (s0s1s2.length < 1 + 1536 + 1536) {
            throw new IOException("the server closed during the handshake");
        }
        socket.getOutputStream().write(handshake.feed(ByteBuffer.wrap(s0s1s2)));
    }

    private static boolean endSeen(Socket socket) {
        try {
            socket.setSoTimeout(1);
            InputStream in = socket.getInputStream();
            // Whatever the server sent is skipped: only the end of the stream tells that it closed.
            while (in.available() > 0) {
                in.skip(in.available());
            }
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing what is already gone.
        }
    }
}

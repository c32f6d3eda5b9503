package io.sluice.ingest.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Whether the server closes a raw test socket, reading (and dropping) whatever it sends before. */
public final class ServerClose {

    private ServerClose() {
    }

    /** True when the server closed or reset the connection within {@code timeout}. */
    public static boolean within(Socket socket, Duration timeout) {
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}

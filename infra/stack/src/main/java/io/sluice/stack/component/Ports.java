package io.sluice.stack.component;

import io.sluice.stack.StackException;
import io.sluice.stack.StackSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port checks made before a component starts, so a taken port is one clear line, not a stack trace. */
public final class Ports {

    private Ports() {
    }

    /** Fails with the port, who wanted it and the variable that moves it, when something holds it. */
    public static void requireFree(StackSettings settings, String key, String component) {
        int port = settings.port(key);
        if (!isFree(port)) {
            throw new StackException("port " + port + " (" + component + ") is already in use; set "
                    + StackSettings.environmentVariable(key) + " to use another port");
        }
    }

    public static boolean isFree(int port) {
        if (accepts("127.0.0.1", port)) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port nobody listens on now, for a test stack that must not collide with a local one. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackException("no free TCP port: " + e.getMessage());
        }
    }
}

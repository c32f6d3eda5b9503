package io.sluice.stack.component;

import io.sluice.stack.StackException;
import io.sluice.stack.StackSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.Random;

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

    /**
     * A port nobody holds now, for a test stack that must not collide with a local one. It is drawn below the
     * system's ephemeral range: a test stack's port is used long after it is drawn, and a port of that range
     * may by then be the local end of any client connection of the run (a test that opens a thousand
     * connections leaves a thousand of them in TIME_WAIT), which would keep the service from binding it.
     */
    public static int free() {
        int below = EphemeralRange.read().first();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = FIRST_DRAWN + RANDOM.nextInt(Math.max(1, below - FIRST_DRAWN));
            if (isFree(port)) {
                return port;
            }
        }
        throw new StackException("no free TCP port between " + FIRST_DRAWN + " and " + below);
    }

    /** Above the well-known and registered ports local servers (the local stack's own included) are set to. */
    static final int FIRST_DRAWN = 15000;

    private static final Random RANDOM = new SecureRandom();
}

package io.sluice.media.testing;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Records what an RTMP client and server really send: accepts one connection, relays it to a real RTMP
 * server in both directions, and writes the client-to-server bytes to a file, and the server-to-client
 * bytes to a second one if given. With a PKCS#12 key store it terminates TLS first, so an RTMPS client's
 * bytes are recorded decrypted. Used to make the committed captures (see
 * src/test/resources/captures/README.md); not part of the test run.
 *
 * <p>Usage: {@code CaptureProxy <listen-port> <server-host> <server-port> <client-bytes-file>
 * [<server-bytes-file>] [<pkcs12> <password>]}
 */
public final class CaptureProxy {

    private CaptureProxy() {
    }

    public static void main(String[] args) throws Exception {
        int listenPort = Integer.parseInt(args[0]);
        String serverHost = args[1];
        int serverPort = Integer.parseInt(args[2]);
        Path output = Path.of(args[3]);
        Path serverOutput = args.length % 2 == 1 ? Path.of(args[4]) : null;
        int tlsArgument = args.length % 2 == 1 ? 5 : 4;
        try (ServerSocket listener = args.length > tlsArgument + 1
                ? tlsListener(listenPort, args[tlsArgument], args[tlsArgument + 1].toCharArray())
                : new ServerSocket(listenPort, 1, InetAddress.getLoopbackAddress());
                Socket client = listener.accept();
                Socket server = new Socket(serverHost, serverPort);
                OutputStream record = Files.newOutputStream(output);
                OutputStream serverRecord = serverOutput == null ? null : Files.newOutputStream(serverOutput)) {
            Thread back = Thread.ofPlatform().start(() -> relay(server, client, serverRecord));
            relay(client, server, record);
            back.join(5_000);
        }
    }

    private static ServerSocket tlsListener(int port, String keyStore, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keyStore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        return tls.getServerSocketFactory().createServerSocket(port, 1, InetAddress.getLoopbackAddress());
    }

    private static void relay(Socket from, Socket to, OutputStream record) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (record != null) {
                    record.write(buffer, 0, n);
                }
                out.write(buffer, 0, n);
            }
            to.shutdownOutput();
        } catch (IOException e) {
            System.err.println("relay ended: " + e);
        }
    }
}

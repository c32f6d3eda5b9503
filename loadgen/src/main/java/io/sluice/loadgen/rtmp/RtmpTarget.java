package io.sluice.loadgen.rtmp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Where streams are published: an {@code rtmp://} or {@code rtmps://} server URL with its application,
 * such as {@code rtmps://localhost:1936/live}. RTMPS trusts the JDK's certificate authorities, a given
 * certificate (a local stack's self-signed one), or, when asked explicitly, any certificate.
 */
public final class RtmpTarget {

    private final URI url;
    private final boolean tls;
    private final SSLContext tlsContext;
    private final boolean checkHostName;

    private RtmpTarget(URI url, boolean tls, SSLContext tlsContext, boolean checkHostName) {
        this.url = url;
        this.tls = tls;
        this.tlsContext = tlsContext;
        this.checkHostName = checkHostName;
    }

    /**
     * @param trustedCertificate a PEM certificate to trust for RTMPS, or {@code null}
     * @param trustAny           trust any certificate: a benchmark against a throw-away server, never more
     */
    public static RtmpTarget of(String url, Path trustedCertificate, boolean trustAny)
            throws IOException, GeneralSecurityException {
        URI uri = URI.create(url.replaceFirst("/+$", ""));
        boolean tls = switch (String.valueOf(uri.getScheme())) {
            case "rtmp" -> false;
            case "rtmps" -> true;
            default -> throw new IllegalArgumentException("expected rtmp:// or rtmps://, got " + url);
        };
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("expected rtmp[s]://host[:port]/app, got " + url);
        }
        return new RtmpTarget(uri, tls, tls ? tlsContext(trustedCertificate, trustAny) : null, !trustAny);
    }

    /** The server URL, to which a publisher appends {@code /<stream name>}. */
    public String url() {
        return url.toString();
    }

    public boolean tls() {
        return tls;
    }

    public String protocol() {
        return tls ? "rtmps" : "rtmp";
    }

    /** A connected socket, with the TLS handshake done for RTMPS (resuming an earlier TLS session if it can). */
    public Socket connect() throws IOException {
        int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 1935;
        Socket plain = new Socket();
        plain.setTcpNoDelay(true);
        plain.connect(new InetSocketAddress(url.getHost(), port), 10_000);
        if (!tls) {
            return plain;
        }
        SSLSocket socket = (SSLSocket) tlsContext.getSocketFactory().createSocket(plain, url.getHost(), port, true);
        SSLParameters parameters = socket.getSSLParameters();
        if (!Character.isDigit(url.getHost().charAt(0))) {
            parameters.setServerNames(List.of(new SNIHostName(url.getHost())));
        }
        if (checkHostName) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    /**
     * A connected socket whose TLS session cannot be resumed by a later connection, so each connection
     * makes a full handshake, as a new encoder does.
     */
    public Socket connectAsNewClient() throws IOException {
        Socket socket = connect();
        if (socket instanceof SSLSocket tlsSocket) {
            tlsSocket.getSession().invalidate();
        }
        return socket;
    }

    private static SSLContext tlsContext(Path trustedCertificate, boolean trustAny)
            throws IOException, GeneralSecurityException {
        TrustManager[] trustManagers = null;
        if (trustAny) {
            trustManagers = new TrustManager[] {new AnyCertificate()};
        } else if (trustedCertificate != null) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            try (InputStream pem = Files.newInputStream(trustedCertificate)) {
                int i = 0;
                for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                    store.setCertificateEntry("trusted-" + i++, certificate);
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            trustManagers = factory.getTrustManagers();
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers, null);
        return context;
    }

    /** Trusts every server: only for {@code --insecure}, which the output then says. */
    private static final class AnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

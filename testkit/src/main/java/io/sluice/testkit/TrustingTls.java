package io.sluice.testkit;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A TLS client context that accepts any server certificate: for talking to the local stack's self-signed
 * RTMPS listener in tests, where the certificate itself is what a test looks at. Never for production use.
 */
public final class TrustingTls {

    private TrustingTls() {
    }

    public static SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                    // Not a server.
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    // Any certificate: the test inspects it itself.
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

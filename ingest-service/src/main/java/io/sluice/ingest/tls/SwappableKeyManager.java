package io.sluice.ingest.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The key manager the RTMPS listeners are built with, asked for the certificate at every handshake. A
 * reload swaps what it delegates to, so the TLS context and the live connections stay as they are.
 *
 * <p>Why not {@code NetServer.updateSSLOptions}: while it rebuilds the TLS context, Vert.x hands every
 * connection accepted in that window an unfinished context and drops it, so a certificate renewal would
 * turn encoders away.
 */
public final class SwappableKeyManager extends X509ExtendedKeyManager {

    /** One certificate and key, numbered so that an alias says which of them it came from. */
    private record Generation(long number, X509ExtendedKeyManager keys) {

        String tag(String alias) {
            return alias == null ? null : number + ":" + alias;
        }
    }

    private volatile Generation current;
    private volatile Generation previous;

    public SwappableKeyManager(X509ExtendedKeyManager initial) {
        this.current = new Generation(0, initial);
        this.previous = current;
    }

    /** Serves the new certificate from the next handshake on; a handshake half way through finishes with the old one. */
    public synchronized void swap(X509ExtendedKeyManager next) {
        previous = current;
        current = new Generation(current.number() + 1, next);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        Generation generation = current;
        String[] aliases = generation.keys().getServerAliases(keyType, issuers);
        if (aliases == null) {
            return null;
        }
        String[] tagged = new String[aliases.length];
        for (int i = 0; i < aliases.length; i++) {
            tagged[i] = generation.tag(aliases[i]);
        }
        return tagged;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        Generation generation = current;
        return generation.tag(generation.keys().chooseServerAlias(keyType, issuers, socket));
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        Generation generation = current;
        return generation.tag(generation.keys().chooseEngineServerAlias(keyType, issuers, engine));
    }

    /*
     * A handshake asks for an alias first and for its chain and key after; a swap in between must not
     * pair one certificate with another's key, so the alias names the generation it came from.
     */
    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        Generation generation = generationOf(alias);
        return generation == null ? null : generation.keys().getCertificateChain(untagged(alias));
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        Generation generation = generationOf(alias);
        return generation == null ? null : generation.keys().getPrivateKey(untagged(alias));
    }

    /** The RTMPS listeners never ask for client certificates. */
    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return null;
    }

    private Generation generationOf(String alias) {
        int colon = alias == null ? -1 : alias.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        long number;
        try {
            number = Long.parseLong(alias, 0, colon, 10);
        } catch (NumberFormatException e) {
            return null;
        }
        Generation now = current;
        if (now.number() == number) {
            return now;
        }
        Generation before = previous;
        return before.number() == number ? before : null;
    }

    private static String untagged(String alias) {
        return alias.substring(alias.indexOf(':') + 1);
    }
}

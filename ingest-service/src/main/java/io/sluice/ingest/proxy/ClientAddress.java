package io.sluice.ingest.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where a connection comes from, as limits, the lockout, logs and events see it: the socket's peer, or the
 * client a trusted load balancer named in a PROXY protocol header.
 *
 * @param host the literal IP address
 */
public record ClientAddress(String host, int port) {

    /** The address of {@code bytes} (4 or 16 of them) and {@code port}. */
    static ClientAddress of(byte[] bytes, int port) {
        try {
            return new ClientAddress(InetAddress.getByAddress(bytes).getHostAddress(), port);
        } catch (UnknownHostException e) {
            throw new ProxyHeaderException("an address of " + bytes.length + " bytes");
        }
    }

    /** {@code host:port}, as events show a client. */
    @Override
    public String toString() {
        return host + ":" + port;
    }
}

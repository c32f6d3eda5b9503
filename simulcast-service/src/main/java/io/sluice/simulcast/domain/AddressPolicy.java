package io.sluice.simulcast.domain;

import io.sluice.simulcast.config.SimulcastConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses a target may be at. Without the setting that allows them, loopback, link-local (cloud metadata
 * services among them), private, carrier-grade NAT, unique-local, multicast and unspecified addresses are refused:
 * a user must not be able to make the service connect into the network it runs in. The API checks the URL's host
 * when a target is saved, and the forwarding engine checks the address it actually connects to, every time, so
 * that a name resolving elsewhere later changes nothing.
 */
@ApplicationScoped
public class AddressPolicy {

    private final boolean allowPrivate;

    @Inject
    AddressPolicy(SimulcastConfig config) {
        this(config.targets().allowPrivateAddresses());
    }

    public AddressPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Whether a target may be at {@code address}. */
    public boolean allows(InetAddress address) {
        return allowPrivate || !isInternal(address);
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xFF;
            int second = bytes[1] & 0xFF;
            // 0.0.0.0/8 "this network", 100.64.0.0/10 carrier-grade NAT, 198.18.0.0/15 benchmarking.
            return first == 0 || (first == 100 && (second & 0xC0) == 64) || (first == 198 && (second & 0xFE) == 18);
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local addresses.
            return (bytes[0] & 0xFE) == 0xFC;
        }
        return false;
    }
}

package io.sluice.ingest.security;

import io.sluice.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Open connections in all and per client address, each under its configured maximum, counted from the
 * moment a connection is accepted (an RTMPS connection before its TLS handshake); and TLS handshakes in
 * progress per address, so one address cannot keep many expensive handshakes going at once. Touched once
 * per connection, never per message.
 */
@ApplicationScoped
public class ConnectionLimits {

    private final int maxTotal;
    private final int maxPerAddress;
    private final int maxHandshakesPerAddress;
    private final Map<String, Integer> perAddress = new HashMap<>();
    private final Map<String, Integer> handshakesPerAddress = new HashMap<>();
    private int total;

    @Inject
    ConnectionLimits(IngestConfig config) {
        this(config.limits().maxConnections(), config.limits().maxConnectionsPerAddress(),
                config.limits().maxTlsHandshakesPerAddress());
    }

    ConnectionLimits(int maxTotal, int maxPerAddress, int maxHandshakesPerAddress) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
        this.maxHandshakesPerAddress = maxHandshakesPerAddress;
    }

    /** Takes a slot for a new connection, or names the limit that refuses it. */
    public synchronized Optional<String> tryOpen(String address) {
        if (total >= maxTotal) {
            return Optional.of("too_many_connections");
        }
        int current = perAddress.getOrDefault(address, 0);
        if (current >= maxPerAddress) {
            return Optional.of("too_many_connections_per_address");
        }
        perAddress.put(address, current + 1);
        total++;
        return Optional.empty();
    }

    public synchronized void close(String address) {
        if (decrement(perAddress, address)) {
            total--;
        }
    }

    /** Takes a slot for a TLS handshake from {@code address}, or names the limit that refuses it. */
    public synchronized Optional<String> tryBeginHandshake(String address) {
        int current = handshakesPerAddress.getOrDefault(address, 0);
        if (current >= maxHandshakesPerAddress) {
            return Optional.of("too_many_tls_handshakes_per_address");
        }
        handshakesPerAddress.put(address, current + 1);
        return Optional.empty();
    }

    /** The handshake from {@code address} completed or failed. */
    public synchronized void endHandshake(String address) {
        decrement(handshakesPerAddress, address);
    }

    private static boolean decrement(Map<String, Integer> counts, String address) {
        Integer current = counts.get(address);
        if (current == null) {
            return false;
        }
        if (current <= 1) {
            counts.remove(address);
        } else {
            counts.put(address, current - 1);
        }
        return true;
    }
}

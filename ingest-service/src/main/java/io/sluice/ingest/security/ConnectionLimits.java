package io.sluice.ingest.security;

import io.sluice.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Open connections in all and per client address, each under its configured maximum. */
@ApplicationScoped
public class ConnectionLimits {

    private final int maxTotal;
    private final int maxPerAddress;
    private final Map<String, Integer> perAddress = new HashMap<>();
    private int total;

    @Inject
    ConnectionLimits(IngestConfig config) {
        this(config.limits().maxConnections(), config.limits().maxConnectionsPerAddress());
    }

    ConnectionLimits(int maxTotal, int maxPerAddress) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
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
        Integer current = perAddress.get(address);
        if (current == null) {
            return;
        }
        if (current <= 1) {
            perAddress.remove(address);
        } else {
            perAddress.put(address, current - 1);
        }
        total--;
    }
}

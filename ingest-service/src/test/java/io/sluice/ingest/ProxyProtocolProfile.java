package io.sluice.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Behind a load balancer at 127.0.0.1 that speaks the PROXY protocol; one connection per client address. */
public class ProxyProtocolProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "sluice.ingest.proxy-protocol.enabled", "true",
                "sluice.ingest.proxy-protocol.trusted-sources", "127.0.0.1/32,10.9.0.0/16",
                "sluice.ingest.limits.max-connections-per-address", "1",
                "sluice.ingest.limits.handshake-timeout", "2s");
    }
}

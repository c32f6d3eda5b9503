package io.sluice.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Limits small enough to reach within a test. */
public class TightLimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "sluice.ingest.limits.handshake-timeout", "2s",
                "sluice.ingest.limits.publish-timeout", "4s",
                "sluice.ingest.limits.idle-timeout", "2s",
                "sluice.ingest.limits.bitrate-grace", "1s",
                "sluice.ingest.limits.max-connections", "6",
                "sluice.ingest.limits.max-connections-per-address", "3",
                "sluice.ingest.limits.max-tls-handshakes-per-address", "2",
                "sluice.ingest.limits.max-messages-per-second", "400",
                "sluice.ingest.limits.max-message-burst", "400");
    }
}

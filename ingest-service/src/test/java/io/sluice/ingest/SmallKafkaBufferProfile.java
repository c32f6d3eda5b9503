package io.sluice.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The smallest in-flight budgets, and a grace long enough to sit through a broker outage. */
public class SmallKafkaBufferProfile implements QuarkusTestProfile {

    static final long PER_SESSION = 1024 * 1024;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "sluice.ingest.kafka.max-in-flight-bytes-per-session", Long.toString(PER_SESSION),
                "sluice.ingest.kafka.max-in-flight-bytes", Long.toString(16 * 1024 * 1024),
                "sluice.ingest.kafka.unavailable-grace", "60s",
                "sluice.ingest.limits.idle-timeout", "60s");
    }
}

package io.sluice.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A memory budget of 900 KiB for all connections, with room for 512 KiB in one. */
public class SmallMemoryBudgetProfile implements QuarkusTestProfile {

    static final long BUDGET = 900 * 1024;
    static final int PER_CONNECTION = 512 * 1024;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "sluice.ingest.limits.memory-budget", Long.toString(BUDGET),
                "sluice.ingest.limits.max-buffered-bytes", Integer.toString(PER_CONNECTION),
                "sluice.ingest.limits.max-message-size", Integer.toString(PER_CONNECTION),
                "sluice.ingest.limits.max-connections-per-address", "10");
    }
}

package io.sluice.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The ingest logging everything it has to say: what a key must not slip into either. */
public class DebugLoggingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.log.category.\"io.sluice\".level", "DEBUG");
    }
}

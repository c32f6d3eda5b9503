package io.sluice.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Kafka may be away for 4 seconds before sessions end with backend_unavailable. */
public class ShortKafkaGraceProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("sluice.ingest.kafka.unavailable-grace", "4s");
    }
}

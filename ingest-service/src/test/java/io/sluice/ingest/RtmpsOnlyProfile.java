package io.sluice.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The production default: plain RTMP refused. */
public class RtmpsOnlyProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("sluice.ingest.rtmps-only", "true",
                "sluice.ingest.rtmps.public-url", "rtmps://ingest.example.com/live");
    }
}

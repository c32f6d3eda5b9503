package io.sluice.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A publish waits up to 10 s for a key it does not know: room for a loaded machine to write the key once the
 * publish waits and for the registry's consumer to bring it back (milliseconds on a quiet one).
 */
public class LongNewKeyWaitProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("sluice.ingest.new-key-wait", "10s");
    }
}

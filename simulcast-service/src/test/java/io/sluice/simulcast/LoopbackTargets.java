package io.sluice.simulcast;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The forwarding tests' settings: targets on loopback allowed (the local nginx), a short backoff cap so that a
 * target that comes back is seen soon, and everything of the service's own logged at DEBUG into a file that the
 * tests search for keys.
 */
public class LoopbackTargets implements QuarkusTestProfile {

    static final String DEBUG_LOG = "target/simulcast-debug.log";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("sluice.simulcast.targets.allow-private-addresses", "true",
                "sluice.simulcast.reconnect.max-backoff", "4s",
                "sluice.simulcast.reconnect.connect-timeout", "2s",
                "sluice.simulcast.forwarding.refresh-interval", "200ms",
                "quarkus.log.file.enabled", "true",
                "quarkus.log.file.path", DEBUG_LOG,
                "quarkus.log.file.level", "DEBUG",
                "quarkus.log.category.\"io.sluice\".level", "DEBUG",
                "quarkus.log.category.\"io.sluice\".min-level", "DEBUG");
    }
}

package io.sluice.simulcast.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The configuration root of simulcast-service: everything under {@code sluice.simulcast}. */
@ConfigMapping(prefix = "sluice.simulcast")
public interface SimulcastConfig {

    Reconnect reconnect();

    /** How a target that failed is retried: exponential backoff between the two bounds. */
    interface Reconnect {

        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("60s")
        Duration maxBackoff();
    }
}

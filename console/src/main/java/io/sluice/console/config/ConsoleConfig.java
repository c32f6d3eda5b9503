package io.sluice.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where the console finds the services it shows, and how long it waits for them. */
@ConfigMapping(prefix = "sluice.console")
public interface ConsoleConfig {

    /** The services' API base URLs, as the console's server reaches them. */
    Services services();

    /** Bounds on every call to a service. */
    Calls calls();

    interface Services {
        /** auth-service: live streams, keys, sessions, the caller. */
        @WithDefault("http://localhost:8080")
        URI auth();

        /** recording-service: recordings and their MP4 downloads. */
        @WithDefault("http://localhost:8082")
        URI recording();

        /** simulcast-service: a stream's simulcast targets. */
        @WithDefault("http://localhost:8083")
        URI simulcast();
    }

    interface Calls {
        @WithDefault("2s")
        Duration connectTimeout();

        /** A service that has not answered by then is shown as unreachable; downloads are not bound by it. */
        @WithDefault("10s")
        Duration timeout();

        /** The largest JSON answer read from a service: every list the console asks for is paged far below it. */
        @WithDefault("4194304")
        int maxAnswerBytes();
    }
}

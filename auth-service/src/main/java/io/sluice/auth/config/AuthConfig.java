package io.sluice.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;

/** The configuration root of auth-service: everything under {@code sluice.auth}. */
@ConfigMapping(prefix = "sluice.auth")
public interface AuthConfig {

    Identity identity();

    Ingest ingest();

    Playback playback();

    Registry registry();

    Sessions sessions();

    /** How callers are recognised in their tokens. */
    interface Identity {

        /** The token claim that names the caller's tenant; any OIDC provider can be mapped to it. */
        @WithDefault("tenant")
        @NotBlank
        String tenantClaim();

        /** The role that may read across tenants. */
        @WithDefault("admin")
        @NotBlank
        String adminRole();

        /** The role that may create live streams. */
        @WithDefault("streamer")
        @NotBlank
        String streamerRole();
    }

    /**
     * The public ingest addresses encoders are given. The stream key is the RTMP stream name, so an encoder
     * publishes to {@code <url>/<key>}.
     */
    interface Ingest {

        @WithDefault("rtmps://localhost:1936/live")
        URI rtmpsUrl();

        @WithDefault("rtmp://localhost:1935/live")
        URI rtmpUrl();
    }

    /** Where viewers find a stream: {@code <base-url>/v1/playback/<playback_id>/index.m3u8}. */
    interface Playback {

        @WithDefault("http://localhost:8082")
        URI baseUrl();
    }

    /** The key registry on Kafka and the outbox relay that feeds it. */
    interface Registry {

        /** The CloudEvents {@code source} of registry records. */
        @WithDefault("/sluice/auth-service")
        URI eventSource();

        /**
         * How often the relay looks for unpublished changes when no commit woke it: the fallback for
         * changes committed by another instance of the service.
         */
        @WithDefault("250ms")
        Duration pollInterval();

        /** Outbox rows published per round trip. */
        @WithDefault("500")
        @Min(1)
        @Max(10_000)
        int batchSize();

        /** The longest wait between retries while Kafka or the database is unavailable. */
        @WithDefault("5s")
        Duration maxBackoff();
    }

    /** The consumer of {@code sluice.sessions.v1} that keeps stream status and session history. */
    interface Sessions {

        @WithDefault("auth-service")
        @NotBlank
        String groupId();
    }
}

package io.sluice.simulcast.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The configuration root of simulcast-service: everything under {@code sluice.simulcast}. */
@ConfigMapping(prefix = "sluice.simulcast")
public interface SimulcastConfig {

    Targets targets();

    Encryption encryption();

    Reconnect reconnect();

    Forwarding forwarding();

    Media media();

    Identity identity();

    Events events();

    /** What a target may be. */
    interface Targets {

        /** At most this many targets per live stream. */
        @WithDefault("10")
        int maxPerStream();

        /**
         * Whether targets may be on loopback, link-local, private or other internal addresses. Off in production,
         * so that the service cannot be turned against the network it runs in; the local stack turns it on so that
         * a local nginx or Sluice's own ingest can be a target.
         */
        @WithDefault("false")
        boolean allowPrivateAddresses();
    }

    /**
     * How target stream keys are encrypted at rest (AES-256-GCM). {@code keys} holds every key that may still be
     * needed to decrypt, as {@code id:base64,id:base64}; new keys are encrypted with {@code active-key-id}. Rotation:
     * add a key, make it active, and old rows still decrypt with theirs (and are re-encrypted when changed).
     */
    interface Encryption {

        String activeKeyId();

        /** {@code id:base64-of-32-bytes}, comma separated; from a Kubernetes secret in production. */
        String keys();
    }

    /** How a target that failed is retried: exponential backoff between the two bounds. */
    interface Reconnect {

        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /** How long connecting, the TLS handshake and the publish may take before the attempt counts as failed. */
        @WithDefault("10s")
        Duration connectTimeout();
    }

    /** What each stream and each target may hold in memory. */
    interface Forwarding {

        /** The bytes of media one target's queue holds; beyond them it drops whole GOPs. */
        @WithDefault("8388608")
        int targetQueueBytes();

        /** The bytes of the current GOP kept per stream, so that a target starts at once; a longer GOP is not kept. */
        @WithDefault("16777216")
        int gopCacheBytes();

        /** How often changes of targets while live and byte counts are looked at. */
        @WithDefault("500ms")
        Duration refreshInterval();
    }

    /** The media log. */
    interface Media {

        @WithDefault("sluice-simulcast")
        String groupId();

        /** A live session without media this long ends for its targets, as if its end had been told. */
        @WithDefault("30s")
        Duration idleTimeout();

        /**
         * This instance's stable id in the consumer group (static membership): a restart with the same id gets its
         * partitions back without waiting for a rebalance. Unique per running instance (a StatefulSet pod name).
         */
        Optional<String> instanceId();

        /** How long the group waits for a silent member before its partitions go to the others. */
        @WithDefault("6s")
        Duration sessionTimeout();
    }

    /** The token claims and roles, as auth-service reads them. */
    interface Identity {

        @WithDefault("tenant")
        String tenantClaim();

        @WithDefault("admin")
        String adminRole();

        @WithDefault("streamer")
        String streamerRole();
    }

    /** The events on {@code sluice.simulcast.v1}. */
    interface Events {

        @WithDefault("/sluice/simulcast-service")
        String source();

        Optional<String> instanceId();
    }
}

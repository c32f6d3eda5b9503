package io.sluice.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The configuration root of ingest-service: everything under {@code sluice.ingest}. The bounds of its numbers
 * and names are checked as the configuration is read ({@link IngestConfigBounds}).
 */
@ConfigMapping(prefix = "sluice.ingest")
public interface IngestConfig {

    /**
     * Names this instance in events ({@code ingest_instance}, the CloudEvents source), logs and its Kafka
     * client id; it must be unique per running process, as it tells this instance's sessions from another's.
     * Unset, it is the pod name on Kubernetes, else the host name with a random suffix (see {@link InstanceId}).
     */
    Optional<String> instanceId();

    /**
     * Refuse plain RTMP: stream keys would cross the network in clear. The production default; the local
     * stack turns it off so that encoders without TLS can be tried.
     */
    @WithDefault("true")
    boolean rtmpsOnly();

    /** The token role that may list and end live sessions through the admin API. */
    @WithDefault("admin")
    String adminRole();

    /** The RTMP application encoders connect to: the path of {@code rtmps://host/live}. */
    @WithDefault("live")
    String application();

    /**
     * How many event loops serve the RTMP and RTMPS connections, each with a listener of both kinds; a
     * connection stays on the one it was dealt to. Unset, one per processor.
     */
    Optional<Integer> eventLoops();

    /** Plain RTMP, for encoders that cannot do TLS; off in {@code rtmps-only} mode. */
    Rtmp rtmp();

    /** RTMP inside TLS: port 443 in production. */
    Rtmps rtmps();

    Limits limits();

    /**
     * The PROXY protocol (v1 and v2) of load balancers in front of the listeners, so limits, the lockout and
     * the client address in events see the real client. Off by default; when on, every connection must
     * start with a header and only {@code trusted-sources} may send one.
     */
    ProxyProtocol proxyProtocol();

    BruteForce bruteForce();

    Kafka kafka();

    Stats stats();

    Shutdown shutdown();

    /** The heap's young generation, sized for the load once streams are live (see {@code HeapForLoad}). */
    Heap heap();

    /**
     * How far back an instance looks, when it starts, for sessions it started before it died and never ended;
     * those end with {@code ingest_lost}. The instance id must survive restarts for this (a StatefulSet's pod
     * name, a host name).
     */
    @WithDefault("24h")
    Duration lostSessionLookback();

    /**
     * How long a publish with a key this instance does not hold waits for the key registry to bring it before
     * it is refused as an invalid key. auth-service answers once a new or rotated key is committed, and the
     * key reaches this instance a few milliseconds later: an encoder started the moment the answer comes
     * would otherwise be refused. The failure counts against the address only once the wait is over; 0
     * refuses at once.
     */
    @WithDefault("1s")
    Duration newKeyWait();

    interface Rtmp {

        @WithDefault("0.0.0.0")
        String host();

        @WithDefault("1935")
        int port();
    }

    interface Rtmps {

        @WithDefault("0.0.0.0")
        String host();

        @WithDefault("1936")
        int port();

        /** The RTMPS URL encoders should use ({@code rtmps://ingest.example.com/live}), told to plain RTMP clients. */
        Optional<String> publicUrl();

        Tls tls();
    }

    /**
     * The server certificate: PEM files ({@code certificate}, the chain, and {@code key}) or a PKCS#12
     * keystore. The files are watched; a replaced certificate serves new connections without a restart and
     * without touching live ones.
     */
    interface Tls {

        Optional<String> certificate();

        Optional<String> key();

        Optional<String> keystore();

        Optional<String> keystorePassword();

        @WithDefault("5s")
        Duration reloadCheckInterval();
    }

    /** Every size, count and time an encoder can push on us. */
    interface Limits {

        @WithDefault("10s")
        Duration handshakeTimeout();

        /** Time to accept a publish after connecting (connect, createStream, publish, the key check). */
        @WithDefault("15s")
        Duration publishTimeout();

        /**
         * How long a connection whose session ended (the encoder unpublished, or the service ended it with a
         * status) stays open for the encoder to read the last status and close the connection itself, as
         * nginx-rtmp lets it; what it sends meanwhile is read and dropped. A connection closed for breaking
         * the protocol or a limit is closed at once.
         */
        @WithDefault("2s")
        Duration closeWait();

        /** A published stream that sends no media for this long is ended. */
        @WithDefault("20s")
        Duration idleTimeout();

        @WithDefault("1000")
        int maxConnections();

        @WithDefault("20")
        int maxConnectionsPerAddress();

        /** RTMPS handshakes one client address may have in progress at once. */
        @WithDefault("4")
        int maxTlsHandshakesPerAddress();

        /** The largest RTMP message accepted; RTMP itself allows 16 MiB - 1. */
        @WithDefault("8388608")
        int maxMessageSize();

        @WithDefault("65536")
        int maxChunkSize();

        @WithDefault("64")
        int maxChunkStreams();

        /**
         * Bytes of incomplete messages held per connection. What is held follows the bytes that arrived, not
         * the lengths chunk headers declare.
         */
        @WithDefault("16777216")
        long maxBufferedBytes();

        /**
         * What all connections together may hold: incomplete messages, media held while a publish is decided,
         * replies the clients have not read. Past 90 % of it new connections are refused
         * ({@code memory_budget}); a connection that needs more than is left is closed. Defaults to a
         * quarter of the heap; at least {@code max-buffered-bytes}.
         */
        Optional<MemorySize> memoryBudget();

        /**
         * Bytes of our replies written to one client and not yet taken by the network; past it the client
         * is closed ({@code reply_backlog}). An encoder reads its few replies at once; a client that sends
         * requests without reading the answers reaches it.
         */
        @WithDefault("262144")
        long maxPendingReplyBytes();

        /**
         * Media and data messages a session may send per second, on average: past it (and its burst), the
         * socket is read only as fast as this. A live encoder sends a hundred or two; a file published faster
         * than real time (ffmpeg without -re) several thousand.
         */
        @WithDefault("10000")
        long maxMessagesPerSecond();

        /** Messages a session may send at once beyond the rate, such as an encoder catching up after a stall. */
        @WithDefault("20000")
        long maxMessageBurst();

        /** Applies to streams whose registry entry sets none; 0 means no limit. */
        @WithDefault("0")
        long defaultMaxBitrateKbps();

        /**
         * How far a track's timestamp may go back before the stream is ended as broken. Small steps back
         * happen (encoders resyncing audio); a large one corrupts every recording made from the stream.
         */
        @WithDefault("5s")
        Duration maxTimestampRegression();

        /** How long a stream may go over its bitrate limit before it is ended. */
        @WithDefault("10s")
        Duration bitrateGrace();

        /**
         * After a publisher took a stream over, how long a further takeover of it is refused
         * ({@code NetStream.Publish.Denied}, {@code takeover_cooldown}) while the current publisher keeps
         * sending. Each refused attempt starts it again, so two encoders sharing one key do not take the
         * stream from each other back and forth. {@code 0s} turns it off.
         */
        @WithDefault("30s")
        Duration takeoverCooldown();

        /**
         * A publisher that has sent nothing for this long is taken over at once, cool-down or not: it is
         * the old connection of an encoder that is reconnecting after a network drop.
         */
        @WithDefault("2s")
        Duration takeoverSilence();
    }

    interface ProxyProtocol {

        @WithDefault("false")
        boolean enabled();

        /**
         * The load balancers allowed to send a PROXY header: literal addresses or CIDR ranges
         * ({@code 10.0.0.0/8}, {@code 2001:db8::/32}). Required when enabled; a connection from anywhere else is
         * refused ({@code proxy_untrusted}).
         */
        Optional<List<String>> trustedSources();
    }

    /** Failed stream-key attempts per client address, then a lockout. */
    interface BruteForce {

        @WithDefault("10")
        int maxFailures();

        @WithDefault("60s")
        Duration window();

        @WithDefault("5m")
        Duration lockout();
    }

    interface Kafka {

        /**
         * Bytes sent but not yet acknowledged per session, each record counted with its key, headers and
         * overhead; past it, the socket is no longer read.
         */
        @WithDefault("16777216")
        long maxInFlightBytesPerSession();

        /** All sessions together; must stay below the producer's buffer.memory. */
        @WithDefault("67108864")
        long maxInFlightBytes();

        /** How long Kafka may stay unavailable before sessions end with backend_unavailable. */
        @WithDefault("30s")
        Duration unavailableGrace();

        /**
         * How long the producer waits to fill a batch of one partition before sending it: the latency a
         * message may gain, against fewer produce requests (the CPU of the ingest and the broker).
         */
        @WithDefault("3ms")
        Duration linger();

        /** How long a session's end is sent again while Kafka does not take it. */
        @WithDefault("10m")
        Duration lifecycleRetry();
    }

    interface Stats {

        @WithDefault("5s")
        Duration interval();

        /**
         * A session of another instance whose stats stop for this many intervals is ended with
         * {@code ingest_lost}: its instance died and is not coming back under the same id. More than
         * {@code kafka.unavailable-grace} lasts, so that an instance riding out a Kafka outage is not taken
         * for dead.
         */
        @WithDefault("12")
        int lostAfterIntervals();
    }

    interface Heap {

        /**
         * Once this many sessions are live (for {@code settle}), the young generation is sized for the load;
         * once none is (for {@code idle-after}), for an idle instance again. 0 turns the sizing off.
         */
        @WithDefault("10")
        int loadedSessions();

        @WithDefault("30s")
        Duration settle();

        @WithDefault("5m")
        Duration idleAfter();
    }

    interface Shutdown {

        /** How long clients asked to reconnect elsewhere (Enhanced RTMP) are given before being closed. */
        @WithDefault("5s")
        Duration reconnectGrace();
    }
}

package io.sluice.ingest.session;

import io.sluice.ingest.config.IngestConfig;
import io.sluice.ingest.config.InstanceId;
import io.sluice.ingest.kafka.InFlightBudget;
import io.sluice.ingest.kafka.SessionEventSender;
import io.sluice.ingest.metrics.IngestMetrics;
import io.sluice.ingest.security.ConnectionLimits;
import io.sluice.media.rtmp.MemoryBudget;
import io.sluice.media.rtmp.RtmpLimits;
import io.sluice.media.rtmp.session.RtmpServerConfig;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * The parameter object of {@link IngestConnection}: the application-scoped collaborators every connection
 * needs, handed over as one instead of eight constructor arguments per connection, and media-core's
 * session settings, made once from the configuration instead of once per connection. It holds no state
 * of its own.
 *
 * <p>This class and the collaborators that every media message calls (metrics, sender, publisher, budget)
 * are {@code @Singleton}: an {@code @ApplicationScoped} bean is reached through a client proxy that looks
 * the instance up on each call, which showed in profiles of 100 streams.
 */
@Singleton
public class ConnectionServices {

    private final IngestConfig config;
    private final RtmpServerConfig rtmpConfig;
    private final RtmpServerConfig plainRtmpConfig;
    private final PublishAuthorizer authorizer;
    private final LiveSessions liveSessions;
    private final SessionEventSender sender;
    private final InFlightBudget budget;
    private final IngestMetrics metrics;
    private final ConnectionLimits connectionLimits;
    private final MemoryBudget memoryBudget;
    private final String instanceId;

    ConnectionServices(IngestConfig config, PublishAuthorizer authorizer, LiveSessions liveSessions,
            SessionEventSender sender, InFlightBudget budget, IngestMetrics metrics, ConnectionLimits connectionLimits,
            InstanceId instanceId) {
        this.config = config;
        this.instanceId = instanceId.value();
        this.authorizer = authorizer;
        this.liveSessions = liveSessions;
        this.sender = sender;
        this.budget = budget;
        this.metrics = metrics;
        this.connectionLimits = connectionLimits;
        this.rtmpConfig = rtmpConfig(config);
        this.plainRtmpConfig = plainRtmpConfig(config);
        this.memoryBudget = memoryBudget(config.limits(), Runtime.getRuntime().maxMemory());
        metrics.watchMemoryBudget(memoryBudget::used, memoryBudget.capacity());
    }

    /** The configured budget, else a quarter of {@code maxHeapBytes}; never below one connection's limit. */
    static MemoryBudget memoryBudget(IngestConfig.Limits limits, long maxHeapBytes) {
        long configured = limits.memoryBudget().map(size -> size.asLongValue()).orElse(maxHeapBytes / 4);
        if (configured < limits.maxBufferedBytes()) {
            throw new IllegalArgumentException("sluice.ingest.limits.memory-budget (" + configured
                    + " bytes) must be at least sluice.ingest.limits.max-buffered-bytes (" + limits.maxBufferedBytes() + ")");
        }
        return new MemoryBudget(configured);
    }

    /**
     * What a plain RTMP encoder is told in RTMPS-only mode. It comes as the answer to connect, before the
     * encoder sends the stream key in clear; ffmpeg prints it.
     */
    static String rtmpsOnlyRefusal(IngestConfig config) {
        String where = config.rtmps().publicUrl().orElse("rtmps:// on port " + config.rtmps().port() + ", application "
                + config.application());
        return "This server accepts RTMPS only, so that stream keys never cross the network in clear; publish to " + where;
    }

    /** The session settings for plain RTMP: in {@code rtmps-only} mode, every connect is refused. */
    static RtmpServerConfig plainRtmpConfig(IngestConfig config) {
        RtmpServerConfig rtmp = rtmpConfig(config);
        return config.rtmpsOnly() ? rtmp.withConnectRefusal(rtmpsOnlyRefusal(config)) : rtmp;
    }

    static RtmpServerConfig rtmpConfig(IngestConfig config) {
        IngestConfig.Limits limits = config.limits();
        RtmpLimits rtmpLimits = RtmpLimits.DEFAULTS
                .withMaxChunkSize(limits.maxChunkSize())
                .withMaxMessageLength(limits.maxMessageSize())
                .withMaxChunkStreams(limits.maxChunkStreams())
                .withMaxBufferedBytes(limits.maxBufferedBytes());
        return RtmpServerConfig.DEFAULTS.withLimits(rtmpLimits).withApplications(Set.of(config.application()));
    }

    public IngestConfig config() {
        return config;
    }

    /** The session settings for a connection over {@code rtmp} or {@code rtmps}. */
    public RtmpServerConfig rtmpConfig(String protocol) {
        return protocol.equals("rtmps") ? rtmpConfig : plainRtmpConfig;
    }

    /** This instance's id, as its events name it. */
    public String instanceId() {
        return instanceId;
    }

    public PublishAuthorizer authorizer() {
        return authorizer;
    }

    public LiveSessions liveSessions() {
        return liveSessions;
    }

    public SessionEventSender sender() {
        return sender;
    }

    public InFlightBudget budget() {
        return budget;
    }

    public IngestMetrics metrics() {
        return metrics;
    }

    /** What every connection's decoder, held media and unread replies draw on together. */
    public MemoryBudget memoryBudget() {
        return memoryBudget;
    }

    /** Whether so little of the memory budget is left (under a tenth) that new connections are turned away. */
    public boolean memoryBudgetExhausted() {
        return memoryBudget.hasLessThan(memoryBudget.capacity() / 10);
    }

    /** Frees the connection's slot in the limits. */
    void connectionClosed(IngestConnection connection) {
        connectionLimits.close(connection.clientIp());
        metrics.connectionClosed(connection.protocol());
    }
}

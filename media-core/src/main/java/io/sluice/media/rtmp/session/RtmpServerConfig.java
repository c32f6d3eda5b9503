package io.sluice.media.rtmp.session;

import io.sluice.media.rtmp.RtmpLimits;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of a {@link RtmpServerSession}.
 *
 * @param limits        bounds on what the client may send
 * @param chunkSize     the chunk size this server announces after connect and sends with
 * @param windowAckSize the Window Acknowledgement Size sent after connect: the client acknowledges after
 *                      this many bytes from us
 * @param peerBandwidth the Set Peer Bandwidth window sent after connect (limit type dynamic)
 * @param fmsVersion    the {@code fmsVer} reported in the connect result
 * @param applications  the application names clients may connect to; empty accepts any
 * @param capabilities  the Enhanced RTMP capabilities this server states to E-RTMP clients
 * @param connectRefusal when not {@code null}, every connect is rejected with this description
 *                      (NetConnection.Connect.Rejected), before the client sends anything else: an
 *                      ingest that takes RTMPS only says so on its plain port before a stream key is sent
 */
public record RtmpServerConfig(RtmpLimits limits, int chunkSize, long windowAckSize, long peerBandwidth,
        String fmsVersion, Set<String> applications, EnhancedCapabilities capabilities, String connectRefusal) {

    /**
     * 4096-byte chunks (what nginx-rtmp and OBS use; fewer headers than the 128 default), a 2.5 MB window
     * (MediaMTX's), any application, and passing every codec through.
     */
    public static final RtmpServerConfig DEFAULTS = new RtmpServerConfig(RtmpLimits.DEFAULTS, 4096, 2_500_000,
            2_500_000, "FMS/3,5,7,7009", Set.of(), EnhancedCapabilities.FORWARD_ANY_CODEC, null);

    public RtmpServerConfig {
        Objects.requireNonNull(limits, "limits");
        if (chunkSize < 1 || chunkSize > 0xFF_FFFF) {
            throw new IllegalArgumentException("chunkSize must be within [1, 0xFFFFFF]: " + chunkSize);
        }
        if (windowAckSize < 1 || windowAckSize > 0xFFFF_FFFFL || peerBandwidth < 1 || peerBandwidth > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("window sizes must be within [1, 2^32 - 1]");
        }
        Objects.requireNonNull(fmsVersion, "fmsVersion");
        applications = Set.copyOf(applications);
        Objects.requireNonNull(capabilities, "capabilities");
    }

    /** A copy with {@code limits} set to {@code value}. */
    public RtmpServerConfig withLimits(RtmpLimits value) {
        return new RtmpServerConfig(value, chunkSize, windowAckSize, peerBandwidth, fmsVersion, applications,
                capabilities, connectRefusal);
    }

    /** A copy with {@code applications} set to {@code value}. */
    public RtmpServerConfig withApplications(Set<String> value) {
        return new RtmpServerConfig(limits, chunkSize, windowAckSize, peerBandwidth, fmsVersion, value, capabilities,
                connectRefusal);
    }

    /** Rejects every connect with {@code description}; {@code null} accepts them again. */
    public RtmpServerConfig withConnectRefusal(String description) {
        return new RtmpServerConfig(limits, chunkSize, windowAckSize, peerBandwidth, fmsVersion, applications,
                capabilities, description);
    }
}

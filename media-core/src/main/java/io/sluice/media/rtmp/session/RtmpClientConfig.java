package io.sluice.media.rtmp.session;

import io.sluice.media.rtmp.RtmpLimits;
import io.sluice.media.rtmp.handshake.HandshakeKind;
import java.net.URI;
import java.util.Objects;

/**
 * Settings of a {@link RtmpClientSession}.
 *
 * @param limits        bounds on what the server may send
 * @param tcUrl         the server URL sent in connect, such as {@code rtmp://host/live}
 * @param app           the application, such as {@code live}
 * @param streamName    the publishing name, the stream key for most services
 * @param publishType   live, record or append
 * @param flashVer      the version string sent in connect
 * @param chunkSize     the chunk size to announce and send with
 * @param handshake     the form of C1 to send
 * @param capabilities  the Enhanced RTMP capabilities to declare in connect; {@link EnhancedCapabilities#NONE}
 *                      for a legacy connect
 */
public record RtmpClientConfig(RtmpLimits limits, String tcUrl, String app, String streamName,
        PublishType publishType, String flashVer, int chunkSize, HandshakeKind handshake,
        EnhancedCapabilities capabilities) {

    public static final String DEFAULT_FLASH_VERSION = "FMLE/3.0 (compatible; Sluice)";

    public RtmpClientConfig {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(tcUrl, "tcUrl");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(streamName, "streamName");
        Objects.requireNonNull(publishType, "publishType");
        Objects.requireNonNull(flashVer, "flashVer");
        if (chunkSize < 1 || chunkSize > 0xFF_FFFF) {
            throw new IllegalArgumentException("chunkSize must be within [1, 0xFFFFFF]: " + chunkSize);
        }
        Objects.requireNonNull(handshake, "handshake");
        Objects.requireNonNull(capabilities, "capabilities");
    }

    /**
     * Settings for publishing to {@code rtmp[s]://host[:port]/app/streamName}: the first path segment is
     * the application and the rest (query included) the stream name, the way OBS splits a server URL and a
     * key. Digest handshake, 4096-byte chunks, no Enhanced RTMP declaration.
     */
    public static RtmpClientConfig forUrl(String url) {
        URI uri = URI.create(url);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            throw new IllegalArgumentException("expected rtmp://host/app/stream, got " + url);
        }
        String app = path.substring(0, slash);
        String streamName = path.substring(slash + 1) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String authority = uri.getRawAuthority();
        String tcUrl = uri.getScheme() + "://" + authority + "/" + app;
        return new RtmpClientConfig(RtmpLimits.DEFAULTS, tcUrl, app, streamName, PublishType.LIVE,
                DEFAULT_FLASH_VERSION, 4096, HandshakeKind.DIGEST, EnhancedCapabilities.NONE);
    }

    /** Leaves the stream name out: it is the target's stream key, which must never reach a log. */
    @Override
    public String toString() {
        return "RtmpClientConfig[tcUrl=" + tcUrl + ", app=" + app + ", streamName=(" + streamName.length()
                + " characters), publishType=" + publishType + ", flashVer=" + flashVer + ", chunkSize=" + chunkSize
                + ", handshake=" + handshake + ", capabilities=" + capabilities + ", limits=" + limits + "]";
    }

    /** A copy with {@code publishType} set to {@code value}. */
    public RtmpClientConfig withPublishType(PublishType value) {
        return new RtmpClientConfig(limits, tcUrl, app, streamName, value, flashVer, chunkSize, handshake,
                capabilities);
    }

    /** A copy with {@code chunkSize} set to {@code value}. */
    public RtmpClientConfig withChunkSize(int value) {
        return new RtmpClientConfig(limits, tcUrl, app, streamName, publishType, flashVer, value, handshake,
                capabilities);
    }

    /** A copy with {@code handshake} set to {@code value}. */
    public RtmpClientConfig withHandshake(HandshakeKind value) {
        return new RtmpClientConfig(limits, tcUrl, app, streamName, publishType, flashVer, chunkSize, value,
                capabilities);
    }

    /** A copy with {@code capabilities} set to {@code value}. */
    public RtmpClientConfig withCapabilities(EnhancedCapabilities value) {
        return new RtmpClientConfig(limits, tcUrl, app, streamName, publishType, flashVer, chunkSize, handshake,
                value);
    }

    /** A copy with {@code limits} set to {@code value}. */
    public RtmpClientConfig withLimits(RtmpLimits value) {
        return new RtmpClientConfig(value, tcUrl, app, streamName, publishType, flashVer, chunkSize, handshake,
                capabilities);
    }
}

package io.sluice.ingest.session;

import io.sluice.events.data.SessionStats;
import io.sluice.media.amf.Amf0Boolean;
import io.sluice.media.amf.Amf0Properties;
import java.time.Instant;

/**
 * A live session's figures: totals for the session history, and per-window figures for the stats events
 * (bitrate, frame rate, keyframe interval) and the bitrate limit. Codec facts come from the tags
 * ({@link StreamCodecs}), with the encoder's onMetaData as the fallback. Written on the connection's event
 * loop only; the volatile fields are read by the admin API.
 */
final class StreamStats {

    private final BitrateMeter bitrate = new BitrateMeter(6);
    private final StreamCodecs codecs = new StreamCodecs();
    private volatile long bytesIn;
    private volatile long videoFrames;
    private volatile long audioFrames;
    private volatile long lastBitrateKbps;
    private volatile double lastFrameRate;
    private volatile long lastKeyframeIntervalMillis;
    private int metadataWidth;
    private int metadataHeight;
    private int metadataSampleRate;
    private int metadataChannels;

    private long windowStartNanos;
    private long windowVideoFrames;
    private long lastKeyframeTimestamp = -1;
    private long keyframeIntervalSum;
    private long keyframeIntervals;

    StreamStats(long nowNanos) {
        this.windowStartNanos = nowNanos;
    }

    void onBytes(long nowNanos, long bytes) {
        bytesIn += bytes;
        bitrate.add(nowNanos, bytes);
    }

    void onVideo(long timestamp, byte[] payload) {
        videoFrames++;
        windowVideoFrames++;
        if (codecs.onVideo(payload)) {
            if (lastKeyframeTimestamp >= 0 && timestamp > lastKeyframeTimestamp) {
                keyframeIntervalSum += timestamp - lastKeyframeTimestamp;
                keyframeIntervals++;
            }
            lastKeyframeTimestamp = timestamp;
        }
    }

    void onAudio(byte[] payload) {
        audioFrames++;
        codecs.onAudio(payload);
    }

    /** onMetaData as encoders send it: width, height, audiosamplerate, audiochannels or stereo. */
    void onMetadata(Amf0Properties metadata) {
        metadata.number("width").ifPresent(w -> metadataWidth = (int) w);
        metadata.number("height").ifPresent(h -> metadataHeight = (int) h);
        metadata.number("audiosamplerate").ifPresent(r -> metadataSampleRate = (int) r);
        metadata.number("audiochannels").ifPresent(c -> metadataChannels = (int) c);
        if (metadataChannels == 0 && metadata.get("stereo").orElse(null) instanceof Amf0Boolean(boolean stereo)) {
            metadataChannels = stereo ? 2 : 1;
        }
    }

    long currentKbps(long nowNanos) {
        lastBitrateKbps = bitrate.kbps(nowNanos);
        return lastBitrateKbps;
    }

    /** The figures of the window that ends now; starts the next window. */
    SessionStats snapshot(String streamId, String tenant, String sessionId, long nowNanos, Instant now) {
        long windowNanos = Math.max(1, nowNanos - windowStartNanos);
        lastFrameRate = Math.round(windowVideoFrames * 1e9 / windowNanos * 100) / 100.0;
        lastKeyframeIntervalMillis = keyframeIntervals == 0 ? 0 : keyframeIntervalSum / keyframeIntervals;
        SessionStats stats = new SessionStats(streamId, tenant, sessionId, now, windowNanos / 1_000_000,
                currentKbps(nowNanos), lastFrameRate, lastKeyframeIntervalMillis, videoCodec(), width(), height(), audioCodec(),
                sampleRate(), channels(), bytesIn);
        windowStartNanos = nowNanos;
        windowVideoFrames = 0;
        keyframeIntervalSum = 0;
        keyframeIntervals = 0;
        return stats;
    }

    private static int or(int fromTags, int fromMetadata) {
        return fromTags > 0 ? fromTags : fromMetadata;
    }

    long bytesIn() {
        return bytesIn;
    }

    long videoFrames() {
        return videoFrames;
    }

    long audioFrames() {
        return audioFrames;
    }

    long lastBitrateKbps() {
        return lastBitrateKbps;
    }

    String videoCodec() {
        return codecs.videoCodec();
    }

    String audioCodec() {
        return codecs.audioCodec();
    }

    /** Video frames per second in the last stats window. */
    double lastFrameRate() {
        return lastFrameRate;
    }

    /** The average keyframe interval in the last stats window, 0 when it held fewer than two keyframes. */
    long lastKeyframeIntervalMillis() {
        return lastKeyframeIntervalMillis;
    }

    int sampleRate() {
        return or(codecs.sampleRate(), metadataSampleRate);
    }

    int channels() {
        return or(codecs.channels(), metadataChannels);
    }

    int width() {
        return or(codecs.width(), metadataWidth);
    }

    int height() {
        return or(codecs.height(), metadataHeight);
    }
}

package io.sluice.ingest.session;

import java.time.Instant;

/**
 * A live session as the admin API shows it. The bitrate is that of the last few seconds; the frame rate
 * and keyframe interval are those of the last stats window (0 until the first one has passed).
 */
public record SessionView(String sessionId, String streamId, String tenant, String clientAddress, String protocol,
        String tlsVersion, Instant startedAt, long bytesIn, long bitrateKbps, long videoFrames, long audioFrames,
        String videoCodec, String audioCodec, int width, int height, double videoFrameRate, long keyframeIntervalMs,
        int audioSampleRate, int audioChannels) {
}

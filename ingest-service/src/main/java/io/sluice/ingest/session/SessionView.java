package io.sluice.ingest.session;

import java.time.Instant;

/** A live session as the admin API shows it. */
public record SessionView(String sessionId, String streamId, String tenant, String clientAddress, String protocol,
        String tlsVersion, Instant startedAt, long bytesIn, long bitrateKbps, long videoFrames, long audioFrames,
        String videoCodec, String audioCodec, int width, int height) {
}

package io.sluice.ingest.session;

import io.sluice.events.data.EndReason;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.ingest.config.IngestConfig;
import java.time.Instant;
import java.util.Optional;

/**
 * The limits a live session is checked against once a second: media keeps coming, the stream's maximum
 * continuous duration, and its bitrate limit (the registry's, else the configured default) with a grace.
 * Owned by the connection's event loop.
 */
final class LiveSessionLimits {

    private final IngestConfig.Limits limits;
    /** The limits of the stream's registry entry, the newest one: a PATCH applies to the live session. */
    private StreamKeyEntry entry;
    private final Instant startedAt;
    private long lastMediaNanos;
    private long overBitrateSinceNanos = -1;

    LiveSessionLimits(IngestConfig.Limits limits, StreamKeyEntry entry, Instant startedAt, long nowNanos) {
        this.limits = limits;
        this.entry = entry;
        this.startedAt = startedAt;
        this.lastMediaNanos = nowNanos;
    }

    /** The stream's limits changed in the registry. */
    void entryChanged(StreamKeyEntry newer) {
        entry = newer;
    }

    /**
     * Media arrived, or reading resumed after backpressure: the idle clock starts again. (A socket the
     * ingest paused, for Kafka or for the message rate, is not read, so its silence is not the encoder's.)
     */
    void mediaArrived(long nowNanos) {
        lastMediaNanos = nowNanos;
    }

    /** The end that is due now, if any; {@code paused} says the socket is not being read. */
    Optional<SessionEnd> check(long nowNanos, Instant now, boolean paused, long kbps) {
        if (!paused && nowNanos - lastMediaNanos > limits.idleTimeout().toNanos()) {
            return Optional.of(new SessionEnd(EndReason.IDLE_TIMEOUT, "no media for " + limits.idleTimeout().toSeconds() + " s"));
        }
        if (entry.maxContinuousDurationSeconds() > 0 && now.isAfter(startedAt.plusSeconds(entry.maxContinuousDurationSeconds()))) {
            return Optional.of(new SessionEnd(EndReason.MAX_DURATION, "the stream reached its maximum continuous duration of "
                    + entry.maxContinuousDurationSeconds() + " s"));
        }
        return checkBitrate(nowNanos, kbps);
    }

    private Optional<SessionEnd> checkBitrate(long nowNanos, long kbps) {
        long limit = entry.maxBitrateKbps() > 0 ? entry.maxBitrateKbps() : limits.defaultMaxBitrateKbps();
        if (limit <= 0 || kbps <= limit) {
            overBitrateSinceNanos = -1;
            return Optional.empty();
        }
        if (overBitrateSinceNanos < 0) {
            overBitrateSinceNanos = nowNanos;
        } else if (nowNanos - overBitrateSinceNanos > limits.bitrateGrace().toNanos()) {
            return Optional.of(new SessionEnd(EndReason.BITRATE_EXCEEDED, "the stream sent " + kbps + " kbit/s, over its limit of "
                    + limit + " kbit/s, for more than " + limits.bitrateGrace().toSeconds() + " s"));
        }
        return Optional.empty();
    }
}

package io.sluice.recording.domain;

import java.util.Locale;

/**
 * What became of one media record: taken into a recording (stored once its part is), or skipped at once, with
 * the reason counted in {@code sluice_recording_media_records_total{outcome}}.
 */
public enum MediaOutcome {
    /** Taken; durable once the part that holds it is stored. */
    TAKEN,
    /** Stored before: the record was read again after a restart or a rebalance. */
    DUPLICATE,
    /** Of a session that is not (or no longer) the stream's recorded one. */
    STALE_SESSION,
    /** Metadata, data messages, commands, silence: nothing a recording holds. */
    IGNORED,
    /** A codec without a CMAF track here, or a track other than the default one. */
    UNSUPPORTED,
    /** A body that does not parse, or a frame without its configuration. */
    MALFORMED,
    /** No recording takes the stream's media (its session start was never seen). */
    NO_RECORDING;

    public String metricName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

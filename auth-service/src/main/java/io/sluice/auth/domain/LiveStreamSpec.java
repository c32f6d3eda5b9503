package io.sluice.auth.domain;

/**
 * The settings a caller gives a stream. On create, a {@code null} takes the default; on update, it leaves
 * the setting as it is, and an empty {@code passthrough} clears it.
 */
public record LiveStreamSpec(String name, Integer reconnectWindowSeconds, Boolean recording,
        Integer maxContinuousDurationSeconds, Integer maxBitrateKbps, String passthrough) {

    public static final int DEFAULT_RECONNECT_WINDOW_SECONDS = 60;
    public static final int DEFAULT_MAX_CONTINUOUS_DURATION_SECONDS = LiveStreamLimits.MAX_CONTINUOUS_DURATION_MAX_SECONDS;
    public static final boolean DEFAULT_RECORDING = true;
    /** No limit. */
    public static final int DEFAULT_MAX_BITRATE_KBPS = 0;
}

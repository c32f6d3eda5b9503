package io.sluice.auth.domain;

/**
 * The bounds of a live stream's settings and texts, in one place: the API validates against them and
 * documents them, the service relies on them, and the migrations' column sizes and check constraints
 * repeat them (a test keeps the two equal).
 */
public final class LiveStreamLimits {

    public static final int NAME_MAX_LENGTH = 120;
    public static final int PASSTHROUGH_MAX_LENGTH = 255;
    /** The {@code tenant} column: a token's tenant claim longer than this is refused. */
    public static final int TENANT_MAX_LENGTH = 128;
    /** The {@code created_by} column: a token whose subject is longer than this is refused. */
    public static final int SUBJECT_MAX_LENGTH = 255;

    public static final int RECONNECT_WINDOW_MIN_SECONDS = 0;
    /** Also how far back the status looks: an older ended session cannot make a stream active. */
    public static final int RECONNECT_WINDOW_MAX_SECONDS = 1800;
    public static final int MAX_CONTINUOUS_DURATION_MIN_SECONDS = 60;
    public static final int MAX_CONTINUOUS_DURATION_MAX_SECONDS = 12 * 3600;
    /** 0 means no limit. */
    public static final int MAX_BITRATE_MIN_KBPS = 0;
    public static final int MAX_BITRATE_MAX_KBPS = 1_000_000;

    private LiveStreamLimits() {
    }
}

package io.sluice.media.rtmp.session;

/** The publishing type argument of publish (section 7.2.2.6). */
public enum PublishType {
    /** Live data, not recorded by the server. */
    LIVE("live"),
    /** Record into a new file. */
    RECORD("record"),
    /** Append to an existing recording. */
    APPEND("append");

    private final String wireName;

    PublishType(String wireName) {
        this.wireName = wireName;
    }

    /** The argument of publish that names this type. */
    public String wireName() {
        return wireName;
    }

    /**
     * The type for a publish argument. Absent, unknown and FMS's {@code appendWithGap} map to the closest
     * defined type rather than failing the publish: the ingest treats every publish as live anyway.
     */
    public static PublishType of(String wireName) {
        if (wireName == null) {
            return LIVE;
        }
        return switch (wireName) {
            case "record" -> RECORD;
            case "append", "appendWithGap" -> APPEND;
            default -> LIVE;
        };
    }
}

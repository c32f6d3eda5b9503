package io.sluice.media.cmaf;

/**
 * The two kinds of track a recording holds, each with the fixed track id it has in every init segment and
 * fragment: a stream has at most one video and one audio track (its default tracks).
 */
public enum TrackKind {
    VIDEO(1, "vide", "VideoHandler"),
    AUDIO(2, "soun", "SoundHandler");

    private final int trackId;
    private final String handlerType;
    private final String handlerName;

    TrackKind(int trackId, String handlerType, String handlerName) {
        this.trackId = trackId;
        this.handlerType = handlerType;
        this.handlerName = handlerName;
    }

    /** The track_ID in tkhd, trex and tfhd. */
    public int trackId() {
        return trackId;
    }

    /** The hdlr handler_type. */
    String handlerType() {
        return handlerType;
    }

    /** The hdlr name. */
    String handlerName() {
        return handlerName;
    }

    /** The kind of a track id, for readers of fragments. */
    static TrackKind ofTrackId(long trackId) {
        for (TrackKind kind : values()) {
            if (kind.trackId == trackId) {
                return kind;
            }
        }
        return null;
    }
}

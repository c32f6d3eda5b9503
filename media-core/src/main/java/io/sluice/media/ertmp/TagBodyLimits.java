package io.sluice.media.ertmp;

/**
 * Bounds for parsing audio and video tag bodies.
 *
 * @param maxTracks tracks in one multitrack tag; limit name {@code max_tracks}
 * @param maxModExEntries ModEx entries in one tag; limit name {@code max_modex_entries}
 */
public record TagBodyLimits(int maxTracks, int maxModExEntries) {

    /** Track ids are one byte, so 256 is the most a well-formed sender can mean; 16 covers real ladders. */
    public static final TagBodyLimits DEFAULTS = new TagBodyLimits(16, 8);

    public TagBodyLimits {
        if (maxTracks < 1) {
            throw new IllegalArgumentException("maxTracks must be positive, was " + maxTracks);
        }
        if (maxModExEntries < 0) {
            throw new IllegalArgumentException("maxModExEntries must not be negative, was " + maxModExEntries);
        }
    }
}

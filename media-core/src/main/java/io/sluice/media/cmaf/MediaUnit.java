package io.sluice.media.cmaf;

/**
 * What one audio or video tag body means to a recording, as {@link TagSampler} reads it: a new codec
 * configuration for a track, a coded frame, or nothing to record, with the reason.
 */
public sealed interface MediaUnit {

    /** A sequence header: the track's configuration from now on. */
    record Configuration(TrackConfiguration configuration) implements MediaUnit {
    }

    /**
     * One coded frame: the bytes {@code data[offset .. offset+length)}, not copied.
     *
     * @param compositionTimeMillis presentation time minus decode time (the FLV/E-RTMP composition time)
     * @param timestampNanos the E-RTMP TimestampOffsetNano added to the millisecond timestamp, 0 without one
     * @param keyframe the container marks it a random access point (every audio frame is one)
     */
    record Frame(TrackKind kind, int compositionTimeMillis, int timestampNanos, boolean keyframe, byte[] data,
            int offset, int length) implements MediaUnit {
    }

    /**
     * A tag without a frame for the recording: an end of sequence, a command, silence, metadata, a track other
     * than the default one, or a codec that has no CMAF track here ({@code unsupported} true).
     */
    record Skipped(String reason, boolean unsupported) implements MediaUnit {
    }
}

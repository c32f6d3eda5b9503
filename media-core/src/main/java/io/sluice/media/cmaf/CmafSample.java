package io.sluice.media.cmaf;

import java.util.Objects;

/**
 * One coded frame of a track, on the track's media timeline. The frame's bytes are a range of {@code data},
 * which is not copied: the array must not change while the sample is in use.
 *
 * @param decodeTime decode time in the track's timescale
 * @param duration ticks until the next sample's decode time
 * @param compositionOffset presentation time minus decode time, in ticks (B-frames make it positive)
 * @param sync a random access point: a key frame, or any audio frame
 */
public record CmafSample(long decodeTime, int duration, int compositionOffset, boolean sync, byte[] data, int offset,
        int length) {

    public CmafSample {
        Objects.requireNonNull(data, "data");
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IllegalArgumentException("sample range out of bounds");
        }
        if (duration < 0) {
            throw new IllegalArgumentException("duration must not be negative, was " + duration);
        }
        if (decodeTime < 0) {
            throw new IllegalArgumentException("decode time must not be negative, was " + decodeTime);
        }
    }

    /** The same frame with another duration. */
    CmafSample withDuration(int newDuration) {
        return new CmafSample(decodeTime, newDuration, compositionOffset, sync, data, offset, length);
    }
}

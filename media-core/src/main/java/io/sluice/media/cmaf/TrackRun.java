package io.sluice.media.cmaf;

import java.util.List;

/**
 * The samples of one track in one fragment: a {@code traf} with one {@code trun}, its data contiguous in the
 * fragment's {@code mdat}.
 *
 * @param baseDecodeTime the first sample's decode time ({@code tfdt})
 */
public record TrackRun(TrackKind kind, long baseDecodeTime, List<CmafSample> samples) {

    public TrackRun {
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a track run has at least one sample");
        }
    }

    /** Bytes of sample data. */
    long dataLength() {
        long total = 0;
        for (CmafSample sample : samples) {
            total += sample.length();
        }
        return total;
    }

    /** The decode time right after the last sample. */
    public long endDecodeTime() {
        CmafSample last = samples.getLast();
        return last.decodeTime() + last.duration();
    }
}

package io.sluice.recording.domain;

import io.sluice.media.cmaf.TrackConfiguration;
import java.util.List;

/**
 * A stretch of a recording with one set of track configurations: its init segment is {@code init-<period>.mp4}.
 *
 * @param codecs the HLS CODECS value of its tracks
 */
public record Period(int period, List<TrackConfiguration> tracks, String codecs, int width, int height,
        int sampleRate, int channels) {

    public Period {
        tracks = List.copyOf(tracks);
    }

    /** The period of an init segment's tracks. */
    public static Period of(int period, List<TrackConfiguration> tracks) {
        int width = 0;
        int height = 0;
        int sampleRate = 0;
        int channels = 0;
        for (TrackConfiguration track : tracks) {
            width = Math.max(width, track.width());
            height = Math.max(height, track.height());
            sampleRate = Math.max(sampleRate, track.sampleRate());
            channels = Math.max(channels, track.channelCount());
        }
        return new Period(period, tracks, String.join(",", tracks.stream().map(TrackConfiguration::codecs).toList()),
                width, height, sampleRate, channels);
    }
}

package io.sluice.media.cmaf;

import io.sluice.media.codec.ImmutableBytes;
import java.util.Objects;

/**
 * One track of an init segment: what {@link TrackConfigurations} made of a codec configuration record.
 *
 * @param fourCc the sample entry type: {@code avc1}, {@code hvc1}, {@code av01}, {@code mp4a} or {@code Opus}
 * @param codecs the RFC 6381 codecs parameter, as HLS {@code CODECS} wants it ({@code avc1.64001f})
 * @param timescale ticks per second of the track's media timeline (90 kHz for video, the sample rate for audio)
 * @param width displayed width for video, 0 for audio
 * @param height displayed height for video, 0 for audio
 * @param sampleRate Hz for audio, 0 for video
 * @param channelCount for audio, 0 for video
 * @param sampleEntry the whole sample entry box, as it goes into {@code stsd}
 * @param source the configuration record exactly as the encoder sent it (avcC, hvcC, av1C, AudioSpecificConfig,
 *     OpusHead): a configuration is new when these bytes differ
 */
public record TrackConfiguration(TrackKind kind, String fourCc, String codecs, int timescale, int width, int height,
        int sampleRate, int channelCount, ImmutableBytes sampleEntry, ImmutableBytes source) {

    public TrackConfiguration {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fourCc, "fourCc");
        Objects.requireNonNull(codecs, "codecs");
        Objects.requireNonNull(sampleEntry, "sampleEntry");
        Objects.requireNonNull(source, "source");
        if (timescale < 1) {
            throw new IllegalArgumentException("timescale must be positive, was " + timescale);
        }
    }
}

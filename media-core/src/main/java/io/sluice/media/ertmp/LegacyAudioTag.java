package io.sluice.media.ertmp;

import io.sluice.media.codec.ImmutableBytes;

/**
 * A legacy FLV audio tag of a format other than AAC (FLV 10.1 E.4.2.1). MP3 data starts with an MPEG audio frame
 * header; the other formats are kept as they are.
 *
 * @param soundRate 0 5.5 kHz, 1 11 kHz, 2 22 kHz, 3 44 kHz
 * @param soundSize 0 8-bit, 1 16-bit samples
 * @param soundType 0 mono, 1 stereo
 */
public record LegacyAudioTag(SoundFormat soundFormat, int soundRate, int soundSize, int soundType,
        ImmutableBytes data) implements AudioTag {

    public LegacyAudioTag {
        Fields.unsigned("soundRate", soundRate, 2);
        Fields.unsigned("soundSize", soundSize, 1);
        Fields.unsigned("soundType", soundType, 1);
        if (soundFormat == SoundFormat.AAC) {
            throw new IllegalArgumentException("AAC tags are LegacyAacAudioTag");
        }
    }
}

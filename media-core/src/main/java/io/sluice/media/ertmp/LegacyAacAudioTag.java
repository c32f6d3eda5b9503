package io.sluice.media.ertmp;

import io.sluice.media.codec.ImmutableBytes;

/**
 * A legacy FLV AAC audio tag (SoundFormat 10, FLV 10.1 E.4.2.1): AACPacketType, then an AudioSpecificConfig
 * (sequence header) or a raw AAC frame. The rate, size and type bits are nominal for AAC (usually 44 kHz, 16-bit,
 * stereo); the AudioSpecificConfig is authoritative.
 */
public record LegacyAacAudioTag(int soundRate, int soundSize, int soundType, AacPacketType packetType,
        ImmutableBytes data) implements AudioTag {

    public LegacyAacAudioTag {
        Fields.unsigned("soundRate", soundRate, 2);
        Fields.unsigned("soundSize", soundSize, 1);
        Fields.unsigned("soundType", soundType, 1);
    }
}

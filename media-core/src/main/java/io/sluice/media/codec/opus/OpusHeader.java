package io.sluice.media.codec.opus;

import io.sluice.media.codec.ImmutableBytes;
import java.util.Optional;

/**
 * The Opus identification header: the fields are the same in the Ogg {@code OpusHead} packet (RFC 7845 5.1),
 * which E-RTMP {@code Opus} SequenceStart carries, and in the ISOBMFF {@code dOps} box (Opus in ISOBMFF 4.3.2).
 *
 * @param inputSampleRate the original rate in Hz, informational only: Opus always decodes at 48 kHz
 * @param outputGain Q7.8 dB gain to apply on output
 * @param channelMapping present for mapping families other than 0
 */
public record OpusHeader(int version, int channelCount, int preSkip, long inputSampleRate, int outputGain,
        int mappingFamily, Optional<ChannelMapping> channelMapping) {

    /** The channel mapping table (RFC 7845 5.1.1). */
    public record ChannelMapping(int streamCount, int coupledCount, ImmutableBytes mapping) {
    }
}

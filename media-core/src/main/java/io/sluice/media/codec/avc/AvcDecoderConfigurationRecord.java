package io.sluice.media.codec.avc;

import io.sluice.media.codec.ImmutableBytes;
import java.util.List;
import java.util.Optional;

/**
 * AVCDecoderConfigurationRecord ({@code avcC}, ISO/IEC 14496-15 5.3.3.1): what an FLV AVC sequence header and an
 * E-RTMP {@code avc1} SequenceStart carry.
 *
 * @param nalUnitLengthSize bytes in each NAL unit length prefix of the coded frames (1, 2 or 4)
 * @param sequenceParameterSets SPS NAL units, header byte included, emulation prevention bytes kept
 * @param pictureParameterSets PPS NAL units, as above
 * @param highProfileExtension present for High profiles when the writer included it (many omit it)
 */
public record AvcDecoderConfigurationRecord(
        int configurationVersion,
        int profileIndication,
        int profileCompatibility,
        int levelIndication,
        int nalUnitLengthSize,
        List<ImmutableBytes> sequenceParameterSets,
        List<ImmutableBytes> pictureParameterSets,
        Optional<HighProfileExtension> highProfileExtension) {

    public AvcDecoderConfigurationRecord {
        sequenceParameterSets = List.copyOf(sequenceParameterSets);
        pictureParameterSets = List.copyOf(pictureParameterSets);
    }

    /** The trailing fields ISO/IEC 14496-15 adds for profile_idc 100, 110, 122 and 144. */
    public record HighProfileExtension(int chromaFormat, int bitDepthLuma, int bitDepthChroma,
            List<ImmutableBytes> sequenceParameterSetExtensions) {

        public HighProfileExtension {
            sequenceParameterSetExtensions = List.copyOf(sequenceParameterSetExtensions);
        }
    }
}

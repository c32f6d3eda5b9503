package io.sluice.media.codec.vp9;

import io.sluice.media.codec.ImmutableBytes;

/**
 * VPCodecConfigurationRecord ({@code vpcC} version 1, VP Codec ISO Media File Format Binding 2.2): what an
 * E-RTMP {@code vp09} or {@code vp08} SequenceStart carries.
 *
 * @param chromaSubsampling 0 4:2:0 vertical, 1 4:2:0 colocated, 2 4:2:2, 3 4:4:4
 */
public record VpCodecConfigurationRecord(
        int profile,
        int level,
        int bitDepth,
        int chromaSubsampling,
        boolean videoFullRange,
        int colourPrimaries,
        int transferCharacteristics,
        int matrixCoefficients,
        ImmutableBytes codecInitializationData) {
}

package io.sluice.media.codec.av1;

import io.sluice.media.codec.ImmutableBytes;
import java.util.OptionalInt;

/**
 * AV1CodecConfigurationRecord ({@code av1C}, AV1 Codec ISO Media File Format Binding 2.3.3): what an E-RTMP
 * {@code av01} SequenceStart carries.
 *
 * @param initialPresentationDelay initial_presentation_delay_minus_one + 1, when present
 * @param configObus the configOBUs field: usually one sequence header OBU, in low-overhead format
 */
public record Av1CodecConfigurationRecord(
        int seqProfile,
        int seqLevelIdx0,
        boolean seqTier0,
        boolean highBitdepth,
        boolean twelveBit,
        boolean monochrome,
        boolean chromaSubsamplingX,
        boolean chromaSubsamplingY,
        int chromaSamplePosition,
        OptionalInt initialPresentationDelay,
        ImmutableBytes configObus) {

    /** 8, 10 or 12, from high_bitdepth and twelve_bit. */
    public int bitDepth() {
        return twelveBit ? 12 : highBitdepth ? 10 : 8;
    }
}

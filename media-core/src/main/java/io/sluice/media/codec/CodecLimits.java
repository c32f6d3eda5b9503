package io.sluice.media.codec;

/**
 * Bounds for walking a codec bitstream or configuration record. Every loop over units read off the wire stops at
 * one of these, with a {@link io.sluice.media.error.LimitExceededException} named after the field.
 *
 * @param maxNalUnits NAL units (H.264/H.265) scanned in one sample; limit name {@code max_nal_units}
 * @param maxNalUnitSize bytes in one NAL unit, parameter sets included; limit name {@code max_nal_unit_size}
 * @param maxParameterSets parameter sets (or arrays of them) in one configuration record; limit name
 *     {@code max_parameter_sets}
 * @param maxObus OBUs (AV1) scanned in one temporal unit or configuration record; limit name {@code max_obus}
 */
public record CodecLimits(int maxNalUnits, int maxNalUnitSize, int maxParameterSets, int maxObus) {

    /** A frame of 4K video has a few dozen NAL units or OBUs; a single NAL unit can be a whole keyframe. */
    public static final CodecLimits DEFAULTS = new CodecLimits(1024, 16 * 1024 * 1024, 64, 1024);

    public CodecLimits {
        positive("maxNalUnits", maxNalUnits);
        positive("maxNalUnitSize", maxNalUnitSize);
        positive("maxParameterSets", maxParameterSets);
        positive("maxObus", maxObus);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}

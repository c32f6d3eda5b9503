package io.sluice.media.amf;

/**
 * Bounds for decoding AMF. Each is checked against what the wire declares before anything is allocated,
 * and breaking one throws {@link io.sluice.media.error.LimitExceededException} with the matching limit
 * name.
 *
 * @param maxDepth        how deeply objects, arrays and AMF3 containers may nest; a top-level container
 *                        is depth 1 ({@value #MAX_DEPTH})
 * @param maxStringLength the longest string in UTF-8 bytes: values, keys, class names, XML, byte arrays
 *                        ({@value #MAX_STRING_LENGTH})
 * @param maxMembers      the most members one container may declare or hold: object properties, array
 *                        elements, vector items, dictionary entries, sealed trait members
 *                        ({@value #MAX_MEMBERS})
 */
public record AmfLimits(int maxDepth, int maxStringLength, int maxMembers) {

    /** Stable name of the nesting limit, used in {@link io.sluice.media.error.LimitExceededException}. */
    public static final String MAX_DEPTH = "max_amf_depth";
    /** Stable name of the string length limit. */
    public static final String MAX_STRING_LENGTH = "max_amf_string_length";
    /** Stable name of the member count limit. */
    public static final String MAX_MEMBERS = "max_amf_members";

    /**
     * Generous for every command and metadata object encoders send (an onMetaData has about twenty
     * members, two levels deep) while keeping one message's decoded tree small.
     */
    public static final AmfLimits DEFAULTS = new AmfLimits(32, 1 << 20, 65_536);

    public AmfLimits {
        requirePositive("maxDepth", maxDepth);
        requirePositive("maxStringLength", maxStringLength);
        requirePositive("maxMembers", maxMembers);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}

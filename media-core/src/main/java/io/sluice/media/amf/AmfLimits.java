package io.sluice.media.amf;

/**
 * Bounds for decoding AMF. Each is checked against what the wire declares before anything is allocated,
 * and breaking one throws {@link io.sluice.media.error.LimitExceededException} with the matching limit
 * name.
 *
 * <p>Every value costs at least one byte on the wire, so the decoded tree of a payload is always
 * proportional to the payload's length, but not to its size: decoding allocates up to about 40 bytes per
 * payload byte (AMF3 objects of one member each, 5 bytes on the wire and some 200 on the heap), which
 * for a 16 MiB message would be 700 MB. {@code maxValues} caps the tree itself, whatever the length of
 * the message that carried it: at the default, about 14 MB in that costliest shape.
 *
 * @param maxDepth          how deeply objects, arrays and AMF3 containers may nest; a top-level container
 *                          is depth 1 ({@value #MAX_DEPTH})
 * @param maxStringLength   the longest string in UTF-8 bytes: values, keys, class names, XML, byte arrays
 *                          ({@value #MAX_STRING_LENGTH})
 * @param maxMembers        the most members one container may declare or hold: object properties, array
 *                          elements, vector items, dictionary entries, sealed trait members
 *                          ({@value #MAX_MEMBERS})
 * @param maxTopLevelValues the most values one payload may hold side by side, such as a command's name,
 *                          transaction id, command object and arguments ({@value #MAX_TOP_LEVEL_VALUES})
 * @param maxValues         the most values one payload may decode to, counting every type marker read at
 *                          any depth: top-level values, property values, elements, entries, and both the
 *                          AMF0 avmplus marker and the AMF3 value after it ({@value #MAX_VALUES})
 */
public record AmfLimits(int maxDepth, int maxStringLength, int maxMembers, int maxTopLevelValues, int maxValues) {

    /** Stable name of the nesting limit, used in {@link io.sluice.media.error.LimitExceededException}. */
    public static final String MAX_DEPTH = "max_amf_depth";
    /** Stable name of the string length limit. */
    public static final String MAX_STRING_LENGTH = "max_amf_string_length";
    /** Stable name of the member count limit. */
    public static final String MAX_MEMBERS = "max_amf_members";
    /** Stable name of the limit on values side by side at the top of a payload. */
    public static final String MAX_TOP_LEVEL_VALUES = "max_amf_top_level_values";
    /** Stable name of the limit on all values of one payload. */
    public static final String MAX_VALUES = "max_amf_values";

    /**
     * Generous for every command and metadata object encoders send while keeping one message's decoded tree
     * small. The ffmpeg and GStreamer captures never have more than 5 values side by side (publish) nor more
     * than 16 in one message (onMetaData: about twenty properties at most, two levels deep). The value
     * budget leaves room for one container with the most members allowed.
     */
    public static final AmfLimits DEFAULTS = new AmfLimits(32, 1 << 20, 65_536, 64, 131_072);

    public AmfLimits {
        requirePositive("maxDepth", maxDepth);
        requirePositive("maxStringLength", maxStringLength);
        requirePositive("maxMembers", maxMembers);
        requirePositive("maxTopLevelValues", maxTopLevelValues);
        requirePositive("maxValues", maxValues);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}

package io.sluice.media.flv;

/**
 * Bounds for reading FLV.
 *
 * @param maxTagSize         largest tag body (DataSize) accepted; limit name {@value #MAX_TAG_SIZE}
 * @param maxHeaderExtension largest gap between the 9-byte header and DataOffset; limit name
 *                           {@value #MAX_HEADER_EXTENSION}
 * @param maxBufferedBytes   most bytes an {@link FlvReader} holds that were fed but not yet read as an
 *                           element; limit name {@value #MAX_BUFFERED_BYTES}. At least the largest header
 *                           or tag the other limits allow, so that a caller who reads every element before
 *                           feeding more can always go on; the room above that is the largest read it can
 *                           feed at once
 */
public record FlvLimits(int maxTagSize, int maxHeaderExtension, int maxBufferedBytes) {

    /** Stable name of the tag size limit, used in {@link io.sluice.media.error.LimitExceededException}. */
    public static final String MAX_TAG_SIZE = "max_tag_size";
    /** Stable name of the header extension limit. */
    public static final String MAX_HEADER_EXTENSION = "max_header_extension";
    /** Stable name of the limit on bytes fed but not read yet. */
    public static final String MAX_BUFFERED_BYTES = "max_buffered_bytes";

    /**
     * 16 MiB - 1 is what DataSize can express; 8 MiB is ample for a 4K keyframe at broadcast bitrates. The
     * buffer holds one such tag and up to 8 MiB more.
     */
    public static final FlvLimits DEFAULTS = new FlvLimits(8 * 1024 * 1024, 1024, 16 * 1024 * 1024);

    public FlvLimits {
        if (maxTagSize < 1 || maxTagSize > FlvTag.MAX_BODY_SIZE) {
            throw new IllegalArgumentException("maxTagSize must be 1.." + FlvTag.MAX_BODY_SIZE + ", was "
                    + maxTagSize);
        }
        if (maxHeaderExtension < 0) {
            throw new IllegalArgumentException("maxHeaderExtension must not be negative, was " + maxHeaderExtension);
        }
        long largestElement = Math.max(FlvTag.HEADER_SIZE + (long) maxTagSize,
                FlvHeader.SIZE + (long) maxHeaderExtension);
        if (maxBufferedBytes < largestElement || maxBufferedBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBufferedBytes must be " + largestElement + ".."
                    + (Integer.MAX_VALUE - 8) + " to hold the largest header or tag, was " + maxBufferedBytes);
        }
    }
}

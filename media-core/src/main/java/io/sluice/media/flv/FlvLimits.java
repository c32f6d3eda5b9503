package io.sluice.media.flv;

/**
 * Bounds for reading FLV.
 *
 * @param maxTagSize largest tag body (DataSize) accepted; limit name {@code max_tag_size}
 * @param maxHeaderExtension largest gap between the 9-byte header and DataOffset; limit name
 *     {@code max_header_extension}
 */
public record FlvLimits(int maxTagSize, int maxHeaderExtension) {

    /** 16 MiB - 1 is what DataSize can express; 8 MiB is ample for a 4K keyframe at broadcast bitrates. */
    public static final FlvLimits DEFAULTS = new FlvLimits(8 * 1024 * 1024, 1024);

    public FlvLimits {
        if (maxTagSize < 1 || maxTagSize > FlvTag.MAX_BODY_SIZE) {
            throw new IllegalArgumentException("maxTagSize must be 1.." + FlvTag.MAX_BODY_SIZE + ", was "
                    + maxTagSize);
        }
        if (maxHeaderExtension < 0) {
            throw new IllegalArgumentException("maxHeaderExtension must not be negative, was " + maxHeaderExtension);
        }
    }
}

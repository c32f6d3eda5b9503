package io.sluice.media.flv;

import io.sluice.media.codec.ImmutableBytes;

/**
 * The FLV file header (FLV 10.1 E.2): signature {@code FLV}, version, type flags and the data offset. Any bytes
 * between the 9-byte header and the data offset are kept so that a rewrite is byte-identical.
 *
 * @param version 1 for every FLV written so far
 * @param flags the raw TypeFlags byte; bit 2 audio present, bit 0 video present, the rest reserved
 * @param extension bytes between the 9-byte header and DataOffset, normally none
 */
public record FlvHeader(int version, int flags, ImmutableBytes extension) implements FlvElement {

    /** Size of the header without extension. */
    public static final int SIZE = 9;
    private static final int AUDIO_FLAG = 0x04;
    private static final int VIDEO_FLAG = 0x01;

    public FlvHeader {
        if (version < 0 || version > 0xFF || flags < 0 || flags > 0xFF) {
            throw new IllegalArgumentException("version and flags are bytes");
        }
    }

    /** A version 1 header with the given type flags. */
    public static FlvHeader of(boolean audio, boolean video) {
        return new FlvHeader(1, (audio ? AUDIO_FLAG : 0) | (video ? VIDEO_FLAG : 0), ImmutableBytes.EMPTY);
    }

    /** TypeFlagsAudio. */
    public boolean hasAudio() {
        return (flags & AUDIO_FLAG) != 0;
    }

    /** TypeFlagsVideo. */
    public boolean hasVideo() {
        return (flags & VIDEO_FLAG) != 0;
    }

    /** DataOffset: the header size including the extension. */
    public int dataOffset() {
        return SIZE + extension.length();
    }
}

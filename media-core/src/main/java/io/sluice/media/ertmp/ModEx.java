package io.sluice.media.ertmp;

import io.sluice.media.codec.ImmutableBytes;

/**
 * A ModEx (modifier/extension) entry of an audio or video packet (E-RTMP v2, ExAudioTagHeader and
 * ExVideoTagHeader): a 4-bit type and 1..65536 bytes of data. Types without a definition are kept as
 * {@link Unknown} and otherwise ignored, so a receiver skips them safely.
 */
public sealed interface ModEx {

    /** Largest ModEx data: the 16-bit size form codes UI16 + 1. */
    int MAX_DATA_SIZE = 0x10000;
    /** Sizes up to this use the 8-bit size form; UI8 255 escapes to the 16-bit form. */
    int MAX_SHORT_DATA_SIZE = 0xFF;

    /** The AudioPacketModExType or VideoPacketModExType value. */
    int type();

    /** The ModEx data as sent. */
    ImmutableBytes data();

    /** The entry for a wire type and data. */
    static ModEx of(int type, ImmutableBytes data) {
        return type == TimestampOffsetNano.TYPE ? new TimestampOffsetNano(data) : new Unknown(type, data);
    }

    /**
     * TimestampOffsetNano (type 0): a UI24 nanosecond offset added to the millisecond RTMP timestamp of this
     * message only. The spec requires at least 3 data bytes and values up to 999,999; the offset is the first
     * 3 bytes, and any extra bytes are kept untouched.
     */
    record TimestampOffsetNano(ImmutableBytes data) implements ModEx {

        /** The ModEx type value. */
        public static final int TYPE = 0;
        private static final int SIZE = 3;

        public TimestampOffsetNano {
            checkSize(data);
            if (data.length() < SIZE) {
                throw new IllegalArgumentException("TimestampOffsetNano needs 3 data bytes, has " + data.length());
            }
        }

        /** An entry for {@code nanoseconds} (0..0xFFFFFF). */
        public static TimestampOffsetNano ofNanoseconds(int nanoseconds) {
            Fields.unsigned("nanoseconds", nanoseconds, 24);
            return new TimestampOffsetNano(ImmutableBytes.copyOf(
                    new byte[] {(byte) (nanoseconds >>> 16), (byte) (nanoseconds >>> 8), (byte) nanoseconds}));
        }

        /** The offset in nanoseconds. */
        public int nanoseconds() {
            return (data.unsignedByte(0) << 16) | (data.unsignedByte(1) << 8) | data.unsignedByte(2);
        }

        @Override
        public int type() {
            return TYPE;
        }
    }

    /** A ModEx type this version of the spec does not define; skipped by receivers, kept for rewriting. */
    record Unknown(int type, ImmutableBytes data) implements ModEx {

        public Unknown {
            Fields.unsigned("type", type, 4);
            if (type == TimestampOffsetNano.TYPE) {
                throw new IllegalArgumentException("type 0 is TimestampOffsetNano");
            }
            checkSize(data);
        }
    }

    private static void checkSize(ImmutableBytes data) {
        if (data.length() < 1 || data.length() > MAX_DATA_SIZE) {
            throw new IllegalArgumentException("ModEx data must be 1.." + MAX_DATA_SIZE + " bytes: "
                    + data.length());
        }
    }
}

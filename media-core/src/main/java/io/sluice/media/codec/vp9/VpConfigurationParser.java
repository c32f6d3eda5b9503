package io.sluice.media.codec.vp9;

import io.sluice.media.codec.ByteCursor;
import io.sluice.media.error.MediaFormatException;

/**
 * Parses a {@code vpcC} box payload: the FullBox version and flags (version 1, flags 0) followed by the
 * VPCodecConfigurationRecord. E-RTMP SequenceStart tags carry exactly this, as ffmpeg writes them.
 */
public final class VpConfigurationParser {

    private static final int VERSION = 1;

    private VpConfigurationParser() {
    }

    /** Parses {@code data}. */
    public static VpCodecConfigurationRecord parse(byte[] data) {
        var in = new ByteCursor(data);
        int version = in.u8();
        if (version != VERSION) {
            throw new MediaFormatException("vpcC version must be 1, was " + version);
        }
        in.skip(3);
        int profile = in.u8();
        int level = in.u8();
        int packed = in.u8();
        int bitDepth = packed >>> 4;
        if (bitDepth != 8 && bitDepth != 10 && bitDepth != 12) {
            throw new MediaFormatException("vpcC bitDepth must be 8, 10 or 12, was " + bitDepth);
        }
        int primaries = in.u8();
        int transfer = in.u8();
        int matrix = in.u8();
        int initSize = in.u16();
        return new VpCodecConfigurationRecord(profile, level, bitDepth, (packed >>> 1) & 0x07, (packed & 1) != 0,
                primaries, transfer, matrix, in.bytes(initSize));
    }
}

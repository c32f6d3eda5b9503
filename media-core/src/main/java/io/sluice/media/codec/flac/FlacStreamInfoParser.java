package io.sluice.media.codec.flac;

import io.sluice.media.codec.BitReader;
import io.sluice.media.codec.ByteCursor;
import io.sluice.media.error.MediaFormatException;

/**
 * Parses a FLAC sequence header as E-RTMP defines it: the {@code fLaC} signature followed by the STREAMINFO
 * metadata block (block header included).
 */
public final class FlacStreamInfoParser {

    private static final int SIGNATURE = 0x664C6143;
    private static final int STREAMINFO_TYPE = 0;
    private static final int STREAMINFO_LENGTH = 34;
    private static final int MD5_BYTES = 16;

    private FlacStreamInfoParser() {
    }

    /** Parses {@code data}; metadata blocks after STREAMINFO are ignored. */
    public static FlacStreamInfo parse(byte[] data) {
        var in = new ByteCursor(data);
        if (in.u32() != SIGNATURE) {
            throw new MediaFormatException("fLaC signature missing");
        }
        int blockType = in.u8() & 0x7F;
        int blockLength = in.u24();
        if (blockType != STREAMINFO_TYPE || blockLength != STREAMINFO_LENGTH) {
            throw new MediaFormatException("first FLAC metadata block must be a 34-byte STREAMINFO");
        }
        in.require(STREAMINFO_LENGTH);
        var bits = new BitReader(data, in.position(), STREAMINFO_LENGTH - MD5_BYTES);
        int minBlock = bits.bitsInt(16);
        int maxBlock = bits.bitsInt(16);
        int minFrame = bits.bitsInt(24);
        int maxFrame = bits.bitsInt(24);
        int sampleRate = bits.bitsInt(20);
        int channels = bits.bitsInt(3) + 1;
        int bitsPerSample = bits.bitsInt(5) + 1;
        long totalSamples = bits.bits(4) << 32 | bits.bits(32);
        if (sampleRate == 0) {
            throw new MediaFormatException("FLAC sample rate 0");
        }
        in.skip(STREAMINFO_LENGTH - MD5_BYTES);
        return new FlacStreamInfo(minBlock, maxBlock, minFrame, maxFrame, sampleRate, channels, bitsPerSample,
                totalSamples, in.bytes(MD5_BYTES));
    }
}

package io.sluice.media.codec.mp3;

import io.sluice.media.codec.BitReader;
import io.sluice.media.error.MediaFormatException;

/** Parses the 32-bit header of an MPEG audio (MP3) frame. */
public final class MpegAudioFrameHeaderParser {

    private static final int SYNC = 0x7FF;
    private static final int[] MPEG1_RATES = {44100, 48000, 32000};
    private static final int MONO = 3;

    private MpegAudioFrameHeaderParser() {
    }

    /** Parses the header at {@code offset}. */
    public static MpegAudioFrameHeader parse(byte[] data, int offset, int length) {
        var in = new BitReader(data, offset, length);
        if (in.bitsInt(11) != SYNC) {
            throw new MediaFormatException("MPEG audio sync missing");
        }
        int versionBits = in.bitsInt(2);
        int layerBits = in.bitsInt(2);
        if (versionBits == 1 || layerBits == 0) {
            throw new MediaFormatException("reserved MPEG audio version or layer");
        }
        in.skip(1);
        int bitrateIndex = in.bitsInt(4);
        int rateIndex = in.bitsInt(2);
        if (bitrateIndex == 15 || rateIndex == 3) {
            throw new MediaFormatException("reserved MPEG audio bitrate or sampling rate index");
        }
        in.skip(2);
        int mode = in.bitsInt(2);
        int version = switch (versionBits) {
            case 3 -> 1;
            case 2 -> 2;
            default -> 25;
        };
        int divisor = switch (version) {
            case 1 -> 1;
            case 2 -> 2;
            default -> 4;
        };
        return new MpegAudioFrameHeader(version, 4 - layerBits, bitrateIndex, MPEG1_RATES[rateIndex] / divisor,
                mode == MONO ? 1 : 2);
    }
}

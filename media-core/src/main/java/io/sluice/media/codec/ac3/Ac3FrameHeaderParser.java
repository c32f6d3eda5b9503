package io.sluice.media.codec.ac3;

import io.sluice.media.codec.BitReader;
import io.sluice.media.error.MediaFormatException;

/** Parses the header of an AC-3 or E-AC-3 sync frame far enough for the sample rate and channel layout. */
public final class Ac3FrameHeaderParser {

    private static final int SYNC_WORD = 0x0B77;
    private static final int[] SAMPLE_RATES = {48000, 44100, 32000};
    /** A/52 Annex E Table E2.3: fscod2 rates when fscod is 3. */
    private static final int[] REDUCED_SAMPLE_RATES = {24000, 22050, 16000};
    /** Full-bandwidth channels per acmod (A/52 Table 5.8). */
    private static final int[] CHANNELS = {2, 1, 2, 3, 3, 4, 4, 5};
    private static final int MAX_AC3_BSID = 10;
    private static final int MAX_EAC3_BSID = 16;

    private Ac3FrameHeaderParser() {
    }

    /** Parses the sync frame at {@code offset}. */
    public static Ac3FrameHeader parse(byte[] data, int offset, int length) {
        var in = new BitReader(data, offset, length);
        if (in.bitsInt(16) != SYNC_WORD) {
            throw new MediaFormatException("AC-3 sync word missing");
        }
        // bsid sits at the same bit position (40) in both syntaxes (A/52 Annex E 1.2.1); peek at it first.
        var peek = new BitReader(data, offset, length);
        peek.skip(40);
        int bsid = peek.bitsInt(5);
        if (bsid > MAX_EAC3_BSID) {
            throw new MediaFormatException("unsupported AC-3 bsid " + bsid);
        }
        return bsid <= MAX_AC3_BSID ? ac3(in, bsid) : eac3(in, bsid);
    }

    private static Ac3FrameHeader ac3(BitReader in, int bsid) {
        in.skip(16);
        int fscod = in.bitsInt(2);
        if (fscod == 3) {
            throw new MediaFormatException("reserved AC-3 fscod 3");
        }
        in.skip(6 + 5 + 3);
        int acmod = in.bitsInt(3);
        if ((acmod & 1) != 0 && acmod != 1) {
            in.skip(2);
        }
        if ((acmod & 4) != 0) {
            in.skip(2);
        }
        if (acmod == 2) {
            in.skip(2);
        }
        boolean lfe = in.flag();
        return new Ac3FrameHeader(false, bsid, SAMPLE_RATES[fscod], acmod, lfe, CHANNELS[acmod] + (lfe ? 1 : 0));
    }

    private static Ac3FrameHeader eac3(BitReader in, int bsid) {
        in.skip(2 + 3 + 11);
        int fscod = in.bitsInt(2);
        int rate;
        if (fscod == 3) {
            int fscod2 = in.bitsInt(2);
            if (fscod2 == 3) {
                throw new MediaFormatException("reserved E-AC-3 fscod2 3");
            }
            rate = REDUCED_SAMPLE_RATES[fscod2];
        } else {
            rate = SAMPLE_RATES[fscod];
            in.skip(2);
        }
        int acmod = in.bitsInt(3);
        boolean lfe = in.flag();
        return new Ac3FrameHeader(true, bsid, rate, acmod, lfe, CHANNELS[acmod] + (lfe ? 1 : 0));
    }
}

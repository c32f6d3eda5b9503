package io.sluice.media.codec.aac;

import io.sluice.media.codec.BitReader;

/** Counts the output channels of a program_config_element (ISO/IEC 14496-3 4.4.1.1, Table 4.2). */
final class ProgramConfigElement {

    private ProgramConfigElement() {
    }

    static int channelCount(BitReader in) {
        in.skip(4 + 2 + 4);
        int front = in.bitsInt(4);
        int side = in.bitsInt(4);
        int back = in.bitsInt(4);
        int lfe = in.bitsInt(2);
        int assocData = in.bitsInt(3);
        int validCc = in.bitsInt(4);
        if (in.flag()) {
            in.skip(4);
        }
        if (in.flag()) {
            in.skip(4);
        }
        if (in.flag()) {
            in.skip(3);
        }
        int channels = elements(in, front) + elements(in, side) + elements(in, back) + lfe;
        in.skip(4L * lfe + 4L * assocData + 5L * validCc);
        in.alignToByte();
        in.skip(8L * in.bitsInt(8));
        return channels;
    }

    /** A channel pair element (is_cpe set) carries two channels, a single channel element one. */
    private static int elements(BitReader in, int count) {
        int channels = 0;
        for (int i = 0; i < count; i++) {
            channels += in.flag() ? 2 : 1;
            in.skip(4);
        }
        return channels;
    }
}

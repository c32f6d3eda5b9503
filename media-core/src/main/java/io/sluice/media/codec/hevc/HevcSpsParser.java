package io.sluice.media.codec.hevc;

import io.sluice.media.codec.BitReader;
import io.sluice.media.codec.ImmutableBytes;
import io.sluice.media.codec.Rbsp;
import io.sluice.media.codec.VideoCrop;
import io.sluice.media.error.MediaFormatException;

/**
 * Parses an H.265 sequence parameter set NAL unit up to the bit depths (H.265 7.3.2.2.1), which covers the
 * profile, tier, level, chroma format and the picture size with its conformance window.
 */
public final class HevcSpsParser {

    /** Level 6.2 allows 8192x4320; 16384 luma samples per side keeps every product in int. */
    private static final int MAX_SIDE = 16384;
    private static final int GENERAL_PROFILE_BITS = 88;

    private HevcSpsParser() {
    }

    /** Parses an SPS NAL unit (two-byte header included, emulation prevention bytes present). */
    public static HevcSequenceParameterSet parse(ImmutableBytes nalUnit) {
        return parse(nalUnit.toByteArray());
    }

    /** Parses an SPS NAL unit (two-byte header included, emulation prevention bytes present). */
    public static HevcSequenceParameterSet parse(byte[] nalUnit) {
        byte[] rbsp = Rbsp.unescape(nalUnit, 0, nalUnit.length);
        var in = new BitReader(rbsp);
        in.skip(1);
        int nalType = in.bitsInt(6);
        if (nalType != HevcDecoderConfigurationRecord.NAL_TYPE_SPS) {
            throw new MediaFormatException("not an SPS NAL unit: type " + nalType);
        }
        in.skip(9);
        in.skip(4);
        int maxSubLayersMinus1 = in.bitsInt(3);
        if (maxSubLayersMinus1 == 7) {
            throw new MediaFormatException("sps_max_sub_layers_minus1 7 is reserved");
        }
        in.skip(1);
        // profile_tier_level(1, sps_max_sub_layers_minus1), 7.3.3
        int profileSpace = in.bitsInt(2);
        boolean tier = in.flag();
        int profileIdc = in.bitsInt(5);
        in.skip(32 + 48);
        int levelIdc = in.bitsInt(8);
        boolean[] subProfile = new boolean[maxSubLayersMinus1];
        boolean[] subLevel = new boolean[maxSubLayersMinus1];
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            subProfile[i] = in.flag();
            subLevel[i] = in.flag();
        }
        if (maxSubLayersMinus1 > 0) {
            in.skip(2L * (8 - maxSubLayersMinus1));
        }
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            in.skip((subProfile[i] ? GENERAL_PROFILE_BITS : 0) + (subLevel[i] ? 8 : 0));
        }
        int spsId = in.ue("sps_seq_parameter_set_id", 15);
        int chroma = in.ue("chroma_format_idc", 3);
        boolean separateColourPlane = chroma == 3 && in.flag();
        int codedWidth = in.ue("pic_width_in_luma_samples", MAX_SIDE);
        int codedHeight = in.ue("pic_height_in_luma_samples", MAX_SIDE);
        if (codedWidth == 0 || codedHeight == 0) {
            throw new MediaFormatException("picture size must not be zero");
        }
        int width = codedWidth;
        int height = codedHeight;
        if (in.flag()) {
            // 7.4.3.2.1: offsets count in chroma samples (SubWidthC, SubHeightC, Table 6-1).
            int chromaArrayType = separateColourPlane ? 0 : chroma;
            int subWidthC = chromaArrayType == 1 || chromaArrayType == 2 ? 2 : 1;
            int subHeightC = chromaArrayType == 1 ? 2 : 1;
            long left = in.ue();
            long right = in.ue();
            long top = in.ue();
            long bottom = in.ue();
            width = VideoCrop.croppedSize("horizontal", codedWidth, subWidthC, left, right);
            height = VideoCrop.croppedSize("vertical", codedHeight, subHeightC, top, bottom);
        }
        int lumaDepth = in.ue("bit_depth_luma_minus8", 8) + 8;
        int chromaDepth = in.ue("bit_depth_chroma_minus8", 8) + 8;
        return new HevcSequenceParameterSet(profileSpace, tier, profileIdc, levelIdc, maxSubLayersMinus1 + 1, spsId,
                chroma, separateColourPlane, lumaDepth, chromaDepth, width, height, codedWidth, codedHeight);
    }
}

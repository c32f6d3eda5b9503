package io.sluice.media.codec.avc;

import io.sluice.media.codec.BitReader;
import io.sluice.media.codec.ImmutableBytes;
import io.sluice.media.codec.Rbsp;
import io.sluice.media.codec.SampleAspectRatio;
import io.sluice.media.codec.TimingInfo;
import io.sluice.media.codec.VideoCrop;
import io.sluice.media.error.MediaFormatException;
import java.util.Optional;
import java.util.Set;

/** Parses an H.264 sequence parameter set NAL unit (H.264 7.3.2.1.1 and the VUI up to timing, E.1.1). */
public final class AvcSpsParser {

    private static final int NAL_TYPE_SPS = 7;
    private static final int EXTENDED_SAR = 255;
    /** Table E-1, indexed by aspect_ratio_idc 1..16. */
    private static final int[][] SAR_TABLE = {{0, 0}, {1, 1}, {12, 11}, {10, 11}, {16, 11}, {40, 33}, {24, 11},
        {20, 11}, {32, 11}, {80, 33}, {18, 11}, {15, 11}, {64, 33}, {160, 99}, {4, 3}, {3, 2}, {2, 1}};
    /** Profiles whose SPS carries chroma_format_idc, bit depths and scaling matrices (7.3.2.1.1). */
    private static final Set<Integer> HIGH_PROFILES = Set.of(100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139,
            134, 135);
    /** A 16384-sample-wide picture is far beyond level 6.2; bounding here keeps the arithmetic in int. */
    private static final int MAX_MBS_PER_SIDE = 4096;

    private AvcSpsParser() {
    }

    /** Parses an SPS NAL unit (header byte included, emulation prevention bytes present). */
    public static AvcSequenceParameterSet parse(ImmutableBytes nalUnit) {
        return parse(nalUnit.toByteArray());
    }

    /** Parses an SPS NAL unit (header byte included, emulation prevention bytes present). */
    public static AvcSequenceParameterSet parse(byte[] nalUnit) {
        byte[] rbsp = Rbsp.unescape(nalUnit, 0, nalUnit.length);
        var in = new BitReader(rbsp);
        in.skip(3);
        int nalType = in.bitsInt(5);
        if (nalType != NAL_TYPE_SPS) {
            throw new MediaFormatException("not an SPS NAL unit: type " + nalType);
        }
        int profile = in.bitsInt(8);
        int constraints = in.bitsInt(8);
        int level = in.bitsInt(8);
        int spsId = in.ue("seq_parameter_set_id", 31);
        int chromaFormat = 1;
        boolean separateColourPlane = false;
        int lumaDepth = 8;
        int chromaDepth = 8;
        if (HIGH_PROFILES.contains(profile)) {
            chromaFormat = in.ue("chroma_format_idc", 3);
            if (chromaFormat == 3) {
                separateColourPlane = in.flag();
            }
            lumaDepth = in.ue("bit_depth_luma_minus8", 6) + 8;
            chromaDepth = in.ue("bit_depth_chroma_minus8", 6) + 8;
            in.skip(1);
            if (in.flag()) {
                skipScalingMatrix(in, chromaFormat == 3 ? 12 : 8);
            }
        }
        in.ue("log2_max_frame_num_minus4", 12);
        int pocType = in.ue("pic_order_cnt_type", 2);
        if (pocType == 0) {
            in.ue("log2_max_pic_order_cnt_lsb_minus4", 12);
        } else if (pocType == 1) {
            in.skip(1);
            in.se();
            in.se();
            int cycle = in.ue("num_ref_frames_in_pic_order_cnt_cycle", 255);
            for (int i = 0; i < cycle; i++) {
                in.se();
            }
        }
        in.ue();
        in.skip(1);
        int widthMbs = in.ue("pic_width_in_mbs_minus1", MAX_MBS_PER_SIDE - 1) + 1;
        int heightMapUnits = in.ue("pic_height_in_map_units_minus1", MAX_MBS_PER_SIDE - 1) + 1;
        boolean frameMbsOnly = in.flag();
        if (!frameMbsOnly) {
            in.skip(1);
        }
        in.skip(1);
        int codedWidth = widthMbs * 16;
        int codedHeight = (frameMbsOnly ? 1 : 2) * heightMapUnits * 16;
        int width = codedWidth;
        int height = codedHeight;
        if (in.flag()) {
            // 7.4.2.1.1: crop offsets count in chroma sample units, doubled vertically for field coding.
            int chromaArrayType = separateColourPlane ? 0 : chromaFormat;
            int cropUnitX = chromaArrayType == 0 || chromaArrayType == 3 ? 1 : 2;
            int subHeightC = chromaArrayType == 1 ? 2 : 1;
            int cropUnitY = (chromaArrayType == 0 ? 1 : subHeightC) * (frameMbsOnly ? 1 : 2);
            long left = in.ue();
            long right = in.ue();
            long top = in.ue();
            long bottom = in.ue();
            width = VideoCrop.croppedSize("horizontal", codedWidth, cropUnitX, left, right);
            height = VideoCrop.croppedSize("vertical", codedHeight, cropUnitY, top, bottom);
        }
        Optional<SampleAspectRatio> sar = Optional.empty();
        Optional<TimingInfo> timing = Optional.empty();
        if (in.flag()) {
            sar = aspectRatio(in);
            timing = timingAfterAspectRatio(in);
        }
        return new AvcSequenceParameterSet(profile, constraints, level, spsId, chromaFormat, separateColourPlane,
                lumaDepth, chromaDepth, frameMbsOnly, width, height, codedWidth, codedHeight, sar, timing);
    }

    private static void skipScalingMatrix(BitReader in, int lists) {
        for (int i = 0; i < lists; i++) {
            if (in.flag()) {
                int size = i < 6 ? 16 : 64;
                int last = 8;
                int next = 8;
                for (int j = 0; j < size; j++) {
                    if (next != 0) {
                        long delta = in.se();
                        if (delta < -128 || delta > 127) {
                            throw new MediaFormatException("delta_scale out of range: " + delta);
                        }
                        next = (int) ((last + delta + 256) % 256);
                    }
                    last = next == 0 ? last : next;
                }
            }
        }
    }

    private static Optional<SampleAspectRatio> aspectRatio(BitReader in) {
        if (!in.flag()) {
            return Optional.empty();
        }
        int idc = in.bitsInt(8);
        if (idc == EXTENDED_SAR) {
            return Optional.of(new SampleAspectRatio(in.bitsInt(16), in.bitsInt(16)));
        }
        if (idc < SAR_TABLE.length) {
            return Optional.of(new SampleAspectRatio(SAR_TABLE[idc][0], SAR_TABLE[idc][1]));
        }
        return Optional.of(new SampleAspectRatio(0, 0));
    }

    private static Optional<TimingInfo> timingAfterAspectRatio(BitReader in) {
        if (in.flag()) {
            in.skip(1);
        }
        if (in.flag()) {
            in.skip(4);
            if (in.flag()) {
                in.skip(24);
            }
        }
        if (in.flag()) {
            in.ue();
            in.ue();
        }
        if (!in.flag()) {
            return Optional.empty();
        }
        long unitsInTick = in.bits(32);
        long timeScale = in.bits(32);
        boolean fixed = in.flag();
        return Optional.of(new TimingInfo(unitsInTick, timeScale, fixed));
    }
}

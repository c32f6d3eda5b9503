package io.sluice.media.codec.hevc;

import io.sluice.media.codec.ByteCursor;
import io.sluice.media.codec.CodecLimits;
import io.sluice.media.codec.ImmutableBytes;
import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import java.util.ArrayList;
import java.util.List;

/** Parses an {@code hvcC} record (ISO/IEC 14496-15 8.3.3.1.2). */
public final class HevcConfigurationParser {

    private HevcConfigurationParser() {
    }

    /** Parses {@code data}. */
    public static HevcDecoderConfigurationRecord parse(byte[] data, CodecLimits limits) {
        var in = new ByteCursor(data);
        int version = in.u8();
        if (version != 1) {
            throw new MediaFormatException("hvcC configurationVersion must be 1, was " + version);
        }
        int profileByte = in.u8();
        int compatibility = in.u32();
        long constraints = ((long) in.u16() << 32) | (in.u32() & 0xFFFF_FFFFL);
        int level = in.u8();
        int minSpatialSegmentation = in.u16() & 0x0FFF;
        int parallelism = in.u8() & 0x03;
        int chroma = in.u8() & 0x03;
        int lumaDepth = (in.u8() & 0x07) + 8;
        int chromaDepth = (in.u8() & 0x07) + 8;
        int avgFrameRate = in.u16();
        int packed = in.u8();
        int lengthSize = (packed & 0x03) + 1;
        if (lengthSize == 3) {
            throw new MediaFormatException("hvcC lengthSizeMinusOne 2 is not allowed");
        }
        int arrayCount = in.u8();
        LimitExceededException.check("max_parameter_sets", limits.maxParameterSets(), arrayCount);
        List<HevcDecoderConfigurationRecord.NalUnitArray> arrays = new ArrayList<>(arrayCount);
        for (int i = 0; i < arrayCount; i++) {
            int typeByte = in.u8();
            int nalCount = in.u16();
            LimitExceededException.check("max_parameter_sets", limits.maxParameterSets(), nalCount);
            List<ImmutableBytes> units = new ArrayList<>(nalCount);
            for (int j = 0; j < nalCount; j++) {
                int length = in.u16();
                LimitExceededException.check("max_nal_unit_size", limits.maxNalUnitSize(), length);
                units.add(in.bytes(length));
            }
            arrays.add(new HevcDecoderConfigurationRecord.NalUnitArray((typeByte & 0x80) != 0, typeByte & 0x3F,
                    units));
        }
        return new HevcDecoderConfigurationRecord(version, profileByte >>> 6, (profileByte & 0x20) != 0,
                profileByte & 0x1F, compatibility, constraints, level, minSpatialSegmentation, parallelism, chroma,
                lumaDepth, chromaDepth, avgFrameRate, packed >>> 6, (packed >>> 3) & 0x07, (packed & 0x04) != 0,
                lengthSize, arrays);
    }
}

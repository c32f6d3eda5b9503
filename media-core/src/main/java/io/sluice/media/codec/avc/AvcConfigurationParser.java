package io.sluice.media.codec.avc;

import io.sluice.media.codec.ByteCursor;
import io.sluice.media.codec.CodecLimits;
import io.sluice.media.codec.ImmutableBytes;
import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses an {@code avcC} record (ISO/IEC 14496-15 5.3.3.1). */
public final class AvcConfigurationParser {

    private AvcConfigurationParser() {
    }

    /** Parses {@code data}; the reserved bits are not checked because encoders in the wild leave them zero. */
    public static AvcDecoderConfigurationRecord parse(byte[] data, CodecLimits limits) {
        var in = new ByteCursor(data);
        int version = in.u8();
        if (version != 1) {
            throw new MediaFormatException("avcC configurationVersion must be 1, was " + version);
        }
        int profile = in.u8();
        int compatibility = in.u8();
        int level = in.u8();
        int lengthSize = (in.u8() & 0x03) + 1;
        if (lengthSize == 3) {
            throw new MediaFormatException("avcC lengthSizeMinusOne 2 is not allowed");
        }
        List<ImmutableBytes> sps = parameterSets(in, in.u8() & 0x1F, limits);
        List<ImmutableBytes> pps = parameterSets(in, in.u8(), limits);
        Optional<AvcDecoderConfigurationRecord.HighProfileExtension> extension = Optional.empty();
        if (hasHighProfileExtension(profile) && in.remaining() >= 4) {
            int chroma = in.u8() & 0x03;
            int lumaDepth = (in.u8() & 0x07) + 8;
            int chromaDepth = (in.u8() & 0x07) + 8;
            List<ImmutableBytes> spsExt = parameterSets(in, in.u8(), limits);
            extension = Optional.of(
                    new AvcDecoderConfigurationRecord.HighProfileExtension(chroma, lumaDepth, chromaDepth, spsExt));
        }
        return new AvcDecoderConfigurationRecord(version, profile, compatibility, level, lengthSize, sps, pps,
                extension);
    }

    private static boolean hasHighProfileExtension(int profile) {
        return profile == 100 || profile == 110 || profile == 122 || profile == 144;
    }

    private static List<ImmutableBytes> parameterSets(ByteCursor in, int count, CodecLimits limits) {
        LimitExceededException.check("max_parameter_sets", limits.maxParameterSets(), count);
        List<ImmutableBytes> sets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = in.u16();
            LimitExceededException.check("max_nal_unit_size", limits.maxNalUnitSize(), length);
            sets.add(in.bytes(length));
        }
        return sets;
    }
}

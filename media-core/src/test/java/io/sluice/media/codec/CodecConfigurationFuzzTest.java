package io.sluice.media.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sluice.media.codec.aac.AudioSpecificConfigParser;
import io.sluice.media.codec.ac3.Ac3FrameHeaderParser;
import io.sluice.media.codec.av1.Av1Bitstream;
import io.sluice.media.codec.av1.Av1CodecConfigurationRecord;
import io.sluice.media.codec.av1.Av1ConfigurationParser;
import io.sluice.media.codec.av1.Av1SequenceHeaderParser;
import io.sluice.media.codec.avc.AvcBitstream;
import io.sluice.media.codec.avc.AvcConfigurationParser;
import io.sluice.media.codec.avc.AvcDecoderConfigurationRecord;
import io.sluice.media.codec.avc.AvcSpsParser;
import io.sluice.media.codec.flac.FlacStreamInfoParser;
import io.sluice.media.codec.hevc.HevcBitstream;
import io.sluice.media.codec.hevc.HevcConfigurationParser;
import io.sluice.media.codec.hevc.HevcDecoderConfigurationRecord;
import io.sluice.media.codec.hevc.HevcSpsParser;
import io.sluice.media.codec.mp3.MpegAudioFrameHeaderParser;
import io.sluice.media.codec.opus.OpusHeaderParser;
import io.sluice.media.codec.vp8.Vp8FrameHeaderParser;
import io.sluice.media.codec.vp9.Vp9FrameHeaderParser;
import io.sluice.media.codec.vp9.VpConfigurationParser;
import io.sluice.media.error.MediaFormatException;
import java.util.Optional;

/**
 * Fuzzes every codec configuration parser and bitstream check: only {@link MediaFormatException} (limits
 * included) may escape. Each target also feeds what it parsed to the next stage (record, then SPS or sequence
 * header), as a receiver would.
 */
class CodecConfigurationFuzzTest {

    private static final CodecLimits LIMITS = new CodecLimits(64, 64 * 1024, 16, 64);

    @FuzzTest
    void avc(byte[] data) {
        try {
            AvcDecoderConfigurationRecord record = AvcConfigurationParser.parse(data, LIMITS);
            for (ImmutableBytes sps : record.sequenceParameterSets()) {
                ignoreMalformed(() -> AvcSpsParser.parse(sps));
            }
        } catch (MediaFormatException expected) {
            // Malformed records are the point of fuzzing.
        }
        ignoreMalformed(() -> AvcSpsParser.parse(data));
        ignoreMalformed(() -> AvcBitstream.containsIdr(data, 0, data.length, 4, LIMITS));
    }

    @FuzzTest
    void hevc(byte[] data) {
        try {
            HevcDecoderConfigurationRecord record = HevcConfigurationParser.parse(data, LIMITS);
            Optional<ImmutableBytes> sps = record.firstNalUnit(HevcDecoderConfigurationRecord.NAL_TYPE_SPS);
            sps.ifPresent(nal -> ignoreMalformed(() -> HevcSpsParser.parse(nal)));
        } catch (MediaFormatException expected) {
            // Malformed records are the point of fuzzing.
        }
        ignoreMalformed(() -> HevcSpsParser.parse(data));
        ignoreMalformed(() -> HevcBitstream.containsIrap(data, 0, data.length, 4, LIMITS));
    }

    @FuzzTest
    void av1(byte[] data) {
        try {
            Av1CodecConfigurationRecord record = Av1ConfigurationParser.parse(data);
            ignoreMalformed(() -> Av1SequenceHeaderParser.parse(record, LIMITS));
        } catch (MediaFormatException expected) {
            // Malformed records are the point of fuzzing.
        }
        ignoreMalformed(() -> Av1SequenceHeaderParser.parseFirst(data, 0, data.length, LIMITS));
        ignoreMalformed(() -> Av1Bitstream.containsKeyFrame(data, 0, data.length, LIMITS));
    }

    @FuzzTest
    void vp8AndVp9(byte[] data) {
        ignoreMalformed(() -> VpConfigurationParser.parse(data));
        ignoreMalformed(() -> Vp9FrameHeaderParser.parse(data, 0, data.length));
        ignoreMalformed(() -> Vp8FrameHeaderParser.parse(data, 0, data.length));
    }

    @FuzzTest
    void audioSpecificConfig(byte[] data) {
        ignoreMalformed(() -> AudioSpecificConfigParser.parse(data));
    }

    @FuzzTest
    void opus(byte[] data) {
        ignoreMalformed(() -> OpusHeaderParser.parseOpusHead(data));
        ignoreMalformed(() -> OpusHeaderParser.parseDOps(data));
    }

    @FuzzTest
    void otherAudioHeaders(byte[] data) {
        ignoreMalformed(() -> FlacStreamInfoParser.parse(data));
        ignoreMalformed(() -> Ac3FrameHeaderParser.parse(data, 0, data.length));
        ignoreMalformed(() -> MpegAudioFrameHeaderParser.parse(data, 0, data.length));
    }

    private static void ignoreMalformed(Runnable parse) {
        try {
            parse.run();
        } catch (MediaFormatException expected) {
            // Malformed input is the point of fuzzing.
        }
    }
}

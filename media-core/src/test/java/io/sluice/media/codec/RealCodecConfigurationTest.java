package io.sluice.media.codec;

import static io.sluice.media.testvectors.Vectors.media;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.media.codec.aac.AudioSpecificConfig;
import io.sluice.media.codec.aac.AudioSpecificConfigParser;
import io.sluice.media.codec.aac.SignalledFlag;
import io.sluice.media.codec.ac3.Ac3FrameHeader;
import io.sluice.media.codec.ac3.Ac3FrameHeaderParser;
import io.sluice.media.codec.av1.Av1Bitstream;
import io.sluice.media.codec.av1.Av1CodecConfigurationRecord;
import io.sluice.media.codec.av1.Av1ConfigurationParser;
import io.sluice.media.codec.avc.AvcConfigurationParser;
import io.sluice.media.codec.avc.AvcDecoderConfigurationRecord;
import io.sluice.media.codec.avc.AvcSequenceParameterSet;
import io.sluice.media.codec.avc.AvcSpsParser;
import io.sluice.media.codec.flac.FlacStreamInfo;
import io.sluice.media.codec.flac.FlacStreamInfoParser;
import io.sluice.media.codec.hevc.HevcConfigurationParser;
import io.sluice.media.codec.hevc.HevcDecoderConfigurationRecord;
import io.sluice.media.codec.hevc.HevcSequenceParameterSet;
import io.sluice.media.codec.hevc.HevcSpsParser;
import io.sluice.media.codec.mp3.MpegAudioFrameHeader;
import io.sluice.media.codec.mp3.MpegAudioFrameHeaderParser;
import io.sluice.media.codec.opus.OpusHeader;
import io.sluice.media.codec.opus.OpusHeaderParser;
import io.sluice.media.codec.vp8.Vp8FrameHeader;
import io.sluice.media.codec.vp8.Vp8FrameHeaderParser;
import io.sluice.media.codec.vp9.Vp9FrameHeader;
import io.sluice.media.codec.vp9.Vp9FrameHeaderParser;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Configuration records and frames from real encoders (see src/test/resources/media/README.md), checked against
 * what ffprobe reports for the same files. ffprobe's values are recorded here; it does not run at test time.
 */
class RealCodecConfigurationTest {

    /** (file, profile_idc, level_idc, chroma_format_idc, bit depth, width, height, frame_mbs_only). */
    static Stream<Arguments> avcRecords() {
        return Stream.of(
                // ffprobe: High, level 21, 426x240 (coded 432x240 cropped), progressive, 25 fps.
                Arguments.of("codec-avc-high422.avcC", 122, 21, 2, 8, 426, 240, true),
                // ffprobe: High 4:4:4 Predictive, level 13, 318x178, yuv444p10le.
                Arguments.of("codec-avc-high444-10.avcC", 244, 13, 3, 10, 318, 178, true),
                // ffprobe: High, level 21, 426x240, SAR 4:3, field_order tt (interlaced: frame_mbs_only 0).
                Arguments.of("codec-avc-interlaced.avcC", 100, 21, 1, 8, 426, 240, false));
    }

    @ParameterizedTest
    @MethodSource("avcRecords")
    void avcMatchesFfprobe(String file, int profile, int level, int chroma, int depth, int width, int height,
            boolean frameMbsOnly) {
        AvcDecoderConfigurationRecord record = AvcConfigurationParser.parse(media(file), CodecLimits.DEFAULTS);
        AvcSequenceParameterSet sps = AvcSpsParser.parse(record.sequenceParameterSets().get(0));

        assertThat(record.profileIndication()).isEqualTo(profile);
        assertThat(record.levelIndication()).isEqualTo(level);
        assertThat(record.nalUnitLengthSize()).isEqualTo(4);
        assertThat(record.pictureParameterSets()).hasSize(1);
        assertThat(sps.profileIdc()).isEqualTo(profile);
        assertThat(sps.levelIdc()).isEqualTo(level);
        assertThat(sps.chromaFormatIdc()).isEqualTo(chroma);
        assertThat(sps.bitDepthLuma()).isEqualTo(depth);
        assertThat(sps.bitDepthChroma()).isEqualTo(depth);
        assertThat(sps.width()).isEqualTo(width);
        assertThat(sps.height()).isEqualTo(height);
        assertThat(sps.frameMbsOnly()).isEqualTo(frameMbsOnly);
    }

    @Test
    void avcInterlacedHasItsSampleAspectRatioAndTiming() {
        AvcSequenceParameterSet sps = AvcSpsParser.parse(AvcConfigurationParser.parse(
                media("codec-avc-interlaced.avcC"), CodecLimits.DEFAULTS).sequenceParameterSets().get(0));

        assertThat(sps.sampleAspectRatio()).contains(new SampleAspectRatio(4, 3));
        assertThat(sps.codedHeight()).isEqualTo(256);
        assertThat(sps.timing()).hasValueSatisfying(t -> assertThat(t.timeScale() / t.numUnitsInTick()).isEqualTo(50));
    }

    @Test
    void avcHighProfileExtensionIsRead() {
        AvcDecoderConfigurationRecord record = AvcConfigurationParser.parse(media("codec-avc-high422.avcC"),
                CodecLimits.DEFAULTS);
        assertThat(record.highProfileExtension()).hasValueSatisfying(e -> {
            assertThat(e.chromaFormat()).isEqualTo(2);
            assertThat(e.bitDepthLuma()).isEqualTo(8);
        });
    }

    /** (file, profile, level, depth, width, height): ffprobe says Main/level 60/426x240 and Main 10/322x242. */
    static Stream<Arguments> hevcRecords() {
        return Stream.of(Arguments.of("codec-hevc-main.hvcC", 1, 60, 8, 426, 240),
                Arguments.of("codec-hevc-main10.hvcC", 2, 60, 10, 322, 242));
    }

    @ParameterizedTest
    @MethodSource("hevcRecords")
    void hevcMatchesFfprobe(String file, int profile, int level, int depth, int width, int height) {
        HevcDecoderConfigurationRecord record = HevcConfigurationParser.parse(media(file), CodecLimits.DEFAULTS);
        HevcSequenceParameterSet sps = HevcSpsParser.parse(record.firstNalUnit(
                HevcDecoderConfigurationRecord.NAL_TYPE_SPS).orElseThrow());

        assertThat(record.generalProfileIdc()).isEqualTo(profile);
        assertThat(record.generalLevelIdc()).isEqualTo(level);
        assertThat(record.generalTierFlag()).isFalse();
        assertThat(record.chromaFormatIdc()).isEqualTo(1);
        assertThat(record.bitDepthLuma()).isEqualTo(depth);
        assertThat(record.nalUnitLengthSize()).isEqualTo(4);
        assertThat(record.arrays()).extracting(HevcDecoderConfigurationRecord.NalUnitArray::nalUnitType)
                .contains(32, 33, 34);
        assertThat(sps.generalProfileIdc()).isEqualTo(profile);
        assertThat(sps.generalLevelIdc()).isEqualTo(level);
        assertThat(sps.bitDepthLuma()).isEqualTo(depth);
        assertThat(sps.width()).isEqualTo(width);
        assertThat(sps.height()).isEqualTo(height);
        assertThat(sps.codedWidth()).isGreaterThanOrEqualTo(width);
    }

    /** ffprobe: av1 Main (profile 0), level 0, yuv420p, 426x240. */
    @Test
    void av1ConfigurationMatchesFfprobe() {
        Av1CodecConfigurationRecord record = Av1ConfigurationParser.parse(media("codec-av1.av1C"));

        assertThat(record.seqProfile()).isZero();
        assertThat(record.seqLevelIdx0()).isZero();
        assertThat(record.bitDepth()).isEqualTo(8);
        assertThat(record.monochrome()).isFalse();
        assertThat(record.chromaSubsamplingX()).isTrue();
        assertThat(record.chromaSubsamplingY()).isTrue();
        assertThat(record.configObus().length()).isEqualTo(13);
    }

    @Test
    void av1KeyFrameIsFoundInTheBitstream() {
        byte[] key = media("codec-av1-key.frame");
        byte[] inter = media("codec-av1-inter.frame");
        assertThat(Av1Bitstream.containsKeyFrame(key, 0, key.length, CodecLimits.DEFAULTS)).isTrue();
        assertThat(Av1Bitstream.containsKeyFrame(inter, 0, inter.length, CodecLimits.DEFAULTS)).isFalse();
    }

    /** ffprobe: vp9 Profile 0, 426x240, yuv420p. */
    @Test
    void vp9KeyFrameHeaderMatchesFfprobe() {
        byte[] key = media("codec-vp9-key.frame");
        byte[] inter = media("codec-vp9-inter.frame");
        Vp9FrameHeader header = Vp9FrameHeaderParser.parse(key, 0, key.length);

        assertThat(header.keyFrame()).isTrue();
        assertThat(header.profile()).isZero();
        assertThat(header.keyFrameInfo()).hasValueSatisfying(info -> {
            assertThat(info.width()).isEqualTo(426);
            assertThat(info.height()).isEqualTo(240);
            assertThat(info.bitDepth()).isEqualTo(8);
            assertThat(info.subsamplingX()).isTrue();
        });
        assertThat(Vp9FrameHeaderParser.parse(inter, 0, inter.length).keyFrame()).isFalse();
    }

    /** ffprobe: vp8, 426x240. */
    @Test
    void vp8KeyFrameMatchesFfprobe() {
        byte[] key = media("codec-vp8-key.frame");
        byte[] inter = media("codec-vp8-inter.frame");
        Vp8FrameHeader header = Vp8FrameHeaderParser.parse(key, 0, key.length);

        assertThat(header.keyFrame()).isTrue();
        assertThat(header.keyFrameSize()).hasValueSatisfying(size -> {
            assertThat(size.width()).isEqualTo(426);
            assertThat(size.height()).isEqualTo(240);
        });
        assertThat(Vp8FrameHeaderParser.parse(inter, 0, inter.length).keyFrame()).isFalse();
    }

    /** ffprobe: aac LC, 44100 Hz stereo (from codec-h264-aac.flv) and 48000 Hz 6 channels. */
    @Test
    void aacMatchesFfprobe() {
        AudioSpecificConfig stereo = AudioSpecificConfigParser.parse(media("codec-aac-lc-stereo.asc"));
        AudioSpecificConfig surround = AudioSpecificConfigParser.parse(media("codec-aac-lc-51.asc"));

        assertThat(stereo).isEqualTo(new AudioSpecificConfig(2, 44100, 2, 2, 1024, SignalledFlag.ABSENT,
                SignalledFlag.UNSIGNALLED, 0));
        assertThat(surround.samplingFrequency()).isEqualTo(48000);
        assertThat(surround.channelCount()).isEqualTo(6);
        assertThat(surround.sbr()).isEqualTo(SignalledFlag.ABSENT);
    }

    /** ffprobe: opus 48000 Hz, 2 and 6 channels; pre-skip 312 as libopus writes it. */
    @Test
    void opusMatchesFfprobe() {
        OpusHeader ogg = OpusHeaderParser.parseOpusHead(media("codec-opus-stereo.OpusHead"));
        OpusHeader mp4 = OpusHeaderParser.parseDOps(media("codec-opus-stereo.dOps"));
        OpusHeader surround = OpusHeaderParser.parseDOps(media("codec-opus-51.dOps"));

        assertThat(ogg).isEqualTo(new OpusHeader(1, 2, 312, 48000, 0, 0, java.util.Optional.empty()));
        assertThat(mp4.channelCount()).isEqualTo(2);
        assertThat(mp4.preSkip()).isEqualTo(312);
        assertThat(mp4.inputSampleRate()).isEqualTo(48000);
        assertThat(surround.channelCount()).isEqualTo(6);
        assertThat(surround.mappingFamily()).isEqualTo(1);
        assertThat(surround.channelMapping()).hasValueSatisfying(m -> {
            assertThat(m.streamCount()).isEqualTo(4);
            assertThat(m.coupledCount()).isEqualTo(2);
            assertThat(m.mapping().length()).isEqualTo(6);
        });
    }

    /** ffprobe: flac 44100 Hz stereo, bits_per_raw_sample 24. */
    @Test
    void flacMatchesFfprobe() {
        FlacStreamInfo info = FlacStreamInfoParser.parse(media("codec-flac-stereo-s32.streaminfo"));

        assertThat(info.sampleRate()).isEqualTo(44100);
        assertThat(info.channels()).isEqualTo(2);
        assertThat(info.bitsPerSample()).isEqualTo(24);
        assertThat(info.maxBlockSize()).isEqualTo(4608);
    }

    /** ffprobe: ac3 48000 Hz 6 channels (5.1), eac3 48000 Hz stereo, mp3 22050 Hz mono. */
    @Test
    void dolbyAndMp3HeadersMatchFfprobe() {
        byte[] ac3 = media("codec-ac3-51.frame");
        byte[] eac3 = media("codec-eac3.frame");
        byte[] mp3 = media("codec-mp3.frame");

        assertThat(Ac3FrameHeaderParser.parse(ac3, 0, ac3.length))
                .isEqualTo(new Ac3FrameHeader(false, 8, 48000, 7, true, 6));
        assertThat(Ac3FrameHeaderParser.parse(eac3, 0, eac3.length))
                .isEqualTo(new Ac3FrameHeader(true, 16, 48000, 2, false, 2));
        assertThat(MpegAudioFrameHeaderParser.parse(mp3, 0, mp3.length))
                .isEqualTo(new MpegAudioFrameHeader(2, 3, 7, 22050, 1));
    }
}

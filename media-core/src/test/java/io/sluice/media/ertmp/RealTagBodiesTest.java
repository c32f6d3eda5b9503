package io.sluice.media.ertmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.media.codec.CodecLimits;
import io.sluice.media.codec.av1.Av1ConfigurationParser;
import io.sluice.media.codec.av1.Av1SequenceHeader;
import io.sluice.media.codec.av1.Av1SequenceHeaderParser;
import io.sluice.media.codec.hevc.HevcConfigurationParser;
import io.sluice.media.codec.hevc.HevcDecoderConfigurationRecord;
import io.sluice.media.codec.hevc.HevcSequenceParameterSet;
import io.sluice.media.codec.hevc.HevcSpsParser;
import io.sluice.media.codec.vp9.VpCodecConfigurationRecord;
import io.sluice.media.codec.vp9.VpConfigurationParser;
import io.sluice.media.flv.FlvFiles;
import io.sluice.media.flv.FlvTag;
import io.sluice.media.flv.FlvTagType;
import io.sluice.media.testvectors.Vectors;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every audio and video tag body of the committed ffmpeg FLV files parses and is produced back byte for byte. */
class RealTagBodiesTest {

    private static final TagBodyParser PARSER = new TagBodyParser(TagBodyLimits.DEFAULTS);

    static Stream<String> files() {
        return Vectors.FLV_FILES.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyBodyRoundTrips(String name) {
        for (FlvTag tag : FlvFiles.tags(name)) {
            if (tag.type() == FlvTagType.SCRIPT_DATA) {
                continue;
            }
            byte[] body = tag.body().toByteArray();
            MediaTag parsed = PARSER.parse(tag.type(), body);
            assertThat(TagBodyWriter.encode(parsed)).as("%s tag at %d", tag.type(), tag.timestamp())
                    .isEqualTo(body);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void bitstreamKeyFramesAgreeWithTheContainer(String name) {
        int nalLengthSize = 4;
        int keyFrames = 0;
        for (FlvTag tag : FlvFiles.tags(name)) {
            if (tag.type() != FlvTagType.VIDEO) {
                continue;
            }
            VideoTag video = PARSER.parseVideo(tag.body().toByteArray());
            boolean container = KeyframeDetector.containerSaysKeyFrame(video);
            switch (video) {
                case LegacyAvcVideoTag avc when avc.packetType() == AvcPacketType.NALU -> {
                    assertThat(KeyframeDetector.bitstreamSaysKeyFrame(VideoFourCc.AVC, avc.data().toByteArray(),
                            nalLengthSize, CodecLimits.DEFAULTS)).isEqualTo(container);
                    keyFrames += container ? 1 : 0;
                }
                case ExVideoTag ex when ex.content() instanceof VideoPacket.CodedFrames
                        || ex.content() instanceof VideoPacket.CodedFramesX -> {
                    VideoPacket packet = (VideoPacket) ex.content();
                    assertThat(KeyframeDetector.bitstreamSaysKeyFrame(packet.fourCc(), packet.data().toByteArray(),
                            nalLengthSize, CodecLimits.DEFAULTS)).as("frame at %d", tag.timestamp())
                            .isEqualTo(container);
                    keyFrames += container ? 1 : 0;
                }
                default -> {
                    // Configuration, metadata and end-of-sequence tags carry no frame.
                }
            }
        }
        // One GOP per second in every file, so exactly the first frame is a key frame.
        assertThat(keyFrames).isEqualTo(1);
    }

    @Test
    void hevcFileCarriesSequenceStartMetadataAndBothCodedFrameForms() {
        List<VideoTag> video = videoTags("ertmp-hevc-aac.flv");

        assertThat(video.get(0)).isEqualTo(ExVideoTag.of(VideoFrameType.KEY, new VideoPacket.SequenceStart(
                VideoFourCc.HEVC, Vectors.mediaBytes("codec-hevc-main.hvcC"))));
        assertThat(video.get(1)).isInstanceOfSatisfying(ExVideoTag.class, t -> {
            assertThat(t.frameType()).isEqualTo(VideoFrameType.COMMAND);
            assertThat(t.content()).isInstanceOf(VideoPacket.Metadata.class);
        });
        assertThat(video).filteredOn(t -> t instanceof ExVideoTag ex && ex.content() instanceof VideoPacket.CodedFrames)
                .hasSize(19);
        assertThat(video).filteredOn(t -> t instanceof ExVideoTag ex
                && ex.content() instanceof VideoPacket.CodedFramesX).hasSize(6);
        assertThat(video.get(3)).isInstanceOfSatisfying(ExVideoTag.class, t -> assertThat(t.content())
                .isInstanceOfSatisfying(VideoPacket.CodedFrames.class,
                        c -> assertThat(c.compositionTimeOffset()).isEqualTo(200)));
    }

    /** ffprobe 7.1.1: hevc Main, level 60, 426x240 yuv420p. */
    @Test
    void hevcSequenceStartMatchesFfprobe() {
        HevcDecoderConfigurationRecord record = HevcConfigurationParser.parse(sequenceStart("ertmp-hevc-aac.flv"),
                CodecLimits.DEFAULTS);
        HevcSequenceParameterSet sps = HevcSpsParser.parse(record.firstNalUnit(
                HevcDecoderConfigurationRecord.NAL_TYPE_SPS).orElseThrow());

        assertThat(record.generalProfileIdc()).isEqualTo(1);
        assertThat(record.generalLevelIdc()).isEqualTo(60);
        assertThat(sps.width()).isEqualTo(426);
        assertThat(sps.height()).isEqualTo(240);
        assertThat(sps.bitDepthLuma()).isEqualTo(8);
    }

    /** ffprobe 7.1.1: av1 Main, level 0, 426x240 yuv420p. */
    @Test
    void av1SequenceStartMatchesFfprobe() {
        Av1SequenceHeader header = Av1SequenceHeaderParser.parse(
                Av1ConfigurationParser.parse(sequenceStart("ertmp-av1.flv")), CodecLimits.DEFAULTS);

        assertThat(header.seqProfile()).isZero();
        assertThat(header.seqLevelIdx0()).isZero();
        assertThat(header.maxFrameWidth()).isEqualTo(426);
        assertThat(header.maxFrameHeight()).isEqualTo(240);
        assertThat(header.bitDepth()).isEqualTo(8);
        assertThat(header.subsamplingX()).isTrue();
        assertThat(header.subsamplingY()).isTrue();
    }

    /** ffprobe 7.1.1: vp9 Profile 0, yuv420p. */
    @Test
    void vp9SequenceStartMatchesFfprobe() {
        VpCodecConfigurationRecord record = VpConfigurationParser.parse(sequenceStart("ertmp-vp9.flv"));

        assertThat(record.profile()).isZero();
        assertThat(record.bitDepth()).isEqualTo(8);
        assertThat(record.chromaSubsampling()).isEqualTo(1);
        assertThat(record.level()).isEqualTo(20);
    }

    private static byte[] sequenceStart(String file) {
        return videoTags(file).stream()
                .filter(t -> t instanceof ExVideoTag ex && ex.content() instanceof VideoPacket.SequenceStart)
                .map(t -> ((VideoPacket) ((ExVideoTag) t).content()).data().toByteArray())
                .findFirst().orElseThrow();
    }

    private static List<VideoTag> videoTags(String file) {
        return FlvFiles.tags(file).stream().filter(t -> t.type() == FlvTagType.VIDEO)
                .map(t -> PARSER.parseVideo(t.body().toByteArray())).toList();
    }
}

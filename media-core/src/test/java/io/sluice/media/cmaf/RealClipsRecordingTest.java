package io.sluice.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.media.flv.FlvFiles;
import io.sluice.media.flv.FlvTag;
import io.sluice.media.flv.FlvTagType;
import io.sluice.media.testing.Ffprobe;
import io.sluice.media.testvectors.Vectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Records the committed clips of real encoders and reads the result back with ffprobe, an independent reader: the
 * HLS playlist with its init segments and segments, and the progressive MP4 built from them. Every frame of the
 * source must come out once, in order, byte for byte, with its key frame flag, and ffmpeg must decode all of it
 * without an error. The source's frames are what media-core's own FLV reader finds in the tags (ffprobe 5.1
 * cannot read Enhanced RTMP FLV); for the legacy files ffprobe's reading of the FLV must agree with it.
 */
class RealClipsRecordingTest {

    static Stream<Arguments> clips() {
        return Stream.of(
                Arguments.of("testsrc-320x240-3s.flv", "h264", "avc1", 320, 240, true),
                Arguments.of("codec-h264-aac.flv", "h264", "avc1", 426, 240, true),
                Arguments.of("ertmp-hevc-aac.flv", "hevc", "hvc1", 426, 240, false),
                Arguments.of("ertmp-hevc-main10.flv", "hevc", "hvc1", 322, 242, false),
                Arguments.of("ertmp-av1.flv", "av1", "av01", 426, 240, false),
                Arguments.of("ertmp-h264-opus.flv", "h264", "avc1", 320, 240, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clips")
    void theHlsRecordingHoldsEveryFrameOfTheSource(String clip, String codec, String tag, int width, int height,
            boolean ffprobeReadsSource, @TempDir Path folder) throws IOException {
        List<FlvTag> tags = FlvFiles.tags(clip);
        Recorder recorder = record(tags);
        Path playlist = recorder.writeTo(folder);

        Map<String, String> video = Ffprobe.streams(playlist).stream()
                .filter(stream -> "video".equals(stream.get("codec_type"))).findFirst().orElseThrow();
        assertThat(video).containsEntry("codec_name", codec).containsEntry("codec_tag_string", tag)
                .containsEntry("width", Integer.toString(width)).containsEntry("height", Integer.toString(height));
        assertSameFrames(sourceFrames(tags), Ffprobe.packets(playlist));
        if (ffprobeReadsSource) {
            Path source = folder.resolve("source.flv");
            Files.write(source, Vectors.media(clip));
            assertSameFrames(sourceFrames(tags), Ffprobe.packets(source));
        }
        Ffprobe.decodesWithoutError(playlist);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clips")
    void theProgressiveMp4HoldsEveryFrameOfTheSource(String clip, String codec, String tag, int width, int height,
            boolean ffprobeReadsSource, @TempDir Path folder) throws IOException {
        List<FlvTag> tags = FlvFiles.tags(clip);
        Path mp4 = folder.resolve("recording.mp4");
        Files.write(mp4, record(tags).mp4());

        Map<String, String> video = Ffprobe.streams(mp4).getFirst();
        assertThat(video).containsEntry("codec_name", codec).containsEntry("codec_tag_string", tag);
        assertSameFrames(sourceFrames(tags), Ffprobe.packets(mp4));
        Ffprobe.decodesWithoutError(mp4);
    }

    static Recorder record(List<FlvTag> tags) {
        Recorder recorder = new Recorder(SegmenterSettings.DEFAULTS);
        recorder.feedAll(Recorder.inputs(tags));
        recorder.endSession();
        return recorder;
    }

    /** A frame of the source: its track, its bytes' hash and whether it is a key frame. */
    record Frame(String type, String sha256, boolean key) {
    }

    /** The frames the source's tags hold, as media-core reads them. */
    static List<Frame> sourceFrames(List<FlvTag> tags) {
        List<Frame> frames = new ArrayList<>();
        for (FlvTag tag : tags) {
            if (tag.type() == FlvTagType.SCRIPT_DATA) {
                continue;
            }
            byte[] body = tag.body().toByteArray();
            MediaUnit unit = tag.type() == FlvTagType.VIDEO ? Recorder.SAMPLER.video(body) : Recorder.SAMPLER.audio(body);
            if (unit instanceof MediaUnit.Frame frame) {
                frames.add(new Frame(frame.kind() == TrackKind.VIDEO ? "video" : "audio",
                        Ffprobe.sha256(frame.data(), frame.offset(), frame.length()),
                        frame.kind() == TrackKind.AUDIO || frame.keyframe()));
            }
        }
        return frames;
    }

    /** Per track, the same frames in the same order, with the same bytes and key frame flags. */
    static void assertSameFrames(List<Frame> expected, List<Ffprobe.Packet> packets) {
        for (String type : List.of("video", "audio")) {
            List<Frame> want = expected.stream().filter(f -> f.type().equals(type)).toList();
            List<Frame> got = packets.stream().filter(p -> p.type().equals(type))
                    .map(p -> new Frame(p.type(), p.sha256(), p.key())).toList();
            assertThat(got).as("%s frames", type).hasSize(want.size());
            assertThat(got).as("%s frames", type).containsExactlyElementsOf(want);
        }
    }
}

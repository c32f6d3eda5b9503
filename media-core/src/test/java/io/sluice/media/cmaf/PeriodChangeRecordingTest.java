package io.sluice.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.media.flv.FlvFiles;
import io.sluice.media.flv.FlvTag;
import io.sluice.media.testing.ExternalTool;
import io.sluice.media.testing.Ffprobe;
import io.sluice.media.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recordings whose track configurations change, read back by ffprobe: the HLS recording (a discontinuity and a
 * new init segment; each period read with its own init segment, as a player that follows {@code EXT-X-MAP} does,
 * since ffmpeg's HLS reader keeps the first init segment's parameter sets) and the progressive MP4 (one track, a
 * sample description per configuration) hold every frame of both halves once, in order, byte for byte, and
 * ffmpeg decodes each period without an error. The encoder changes its
 * video in mid-session; or it comes back (a reconnect that continues the recording) with audio of another sample
 * rate, where the MP4's one audio timeline carries the second half's timing converted to the first's timescale.
 */
class PeriodChangeRecordingTest {

    @Test
    void aVideoConfigurationChangeInMidSession(@TempDir Path folder) throws IOException {
        List<FlvTag> first = FlvFiles.tags("testsrc-320x240-3s.flv");
        List<FlvTag> second = FlvFiles.tags("codec-h264-aac.flv");
        List<Recorder.Input> inputs = new ArrayList<>(Recorder.inputs(first));
        long offset = first.getLast().timestamp() + 40;
        for (Recorder.Input input : Recorder.inputs(second)) {
            inputs.add(new Recorder.Input(first.size() + input.sequence(), input.type(), input.timestamp() + offset,
                    input.body()));
        }
        Recorder recorder = new Recorder(SegmenterSettings.DEFAULTS);
        recorder.feedAll(inputs);
        recorder.endSession();

        assertThat(recorder.periods).hasSize(2);
        List<RealClipsRecordingTest.Frame> expected = new ArrayList<>(RealClipsRecordingTest.sourceFrames(first));
        expected.addAll(RealClipsRecordingTest.sourceFrames(second));
        assertReadBack(recorder, expected, folder);
    }

    @Test
    void aReconnectWithAudioOfAnotherSampleRate(@TempDir Path folder) throws IOException {
        List<FlvTag> first = FlvFiles.tags("testsrc-320x240-3s.flv");
        List<FlvTag> second = FlvFiles.read(encode(folder, 48_000)).stream()
                .filter(FlvTag.class::isInstance).map(FlvTag.class::cast).toList();
        Recorder recorder = new Recorder(SegmenterSettings.DEFAULTS);
        recorder.feedAll(Recorder.inputs(first));
        recorder.endSession();
        recorder.feedAll(Recorder.inputs(second));
        recorder.endSession();

        assertThat(recorder.periods.values()).extracting(tracks -> tracks.getLast().timescale())
                .containsExactly(44_100, 48_000);
        List<RealClipsRecordingTest.Frame> expected = new ArrayList<>(RealClipsRecordingTest.sourceFrames(first));
        expected.addAll(RealClipsRecordingTest.sourceFrames(second));
        assertReadBack(recorder, expected, folder);

        // The second half's timing in the MP4's 44.1 kHz track is its own at 48 kHz, converted to the tick.
        List<Long> mp4 = Ffprobe.packetsOfSwitchingTracks(mp4File(folder)).stream()
                .filter(packet -> packet.type().equals("audio")).map(Ffprobe.Packet::dts).toList();
        List<Long> own = Ffprobe.packets(folder.resolve("period-1.mp4"), "audio").stream().map(Ffprobe.Packet::dts)
                .toList();
        int firstHalf = mp4.size() - own.size();
        for (int i = 0; i < own.size(); i++) {
            long converted = Math.round((own.get(i) - own.getFirst()) * 44_100.0 / 48_000);
            assertThat(mp4.get(firstHalf + i) - mp4.get(firstHalf)).as("audio frame %d", i).isBetween(converted - 1,
                    converted + 1);
        }
    }

    private static Path mp4File(Path folder) {
        return folder.resolve("recording.mp4");
    }

    /** The playlist's periods ({@code period-<n>.mp4}) and the MP4 ({@code recording.mp4}) hold {@code expected}. */
    private static void assertReadBack(Recorder recorder, List<RealClipsRecordingTest.Frame> expected, Path folder)
            throws IOException {
        Path playlist = recorder.writeTo(folder);
        assertThat(Files.readString(playlist)).contains("#EXT-X-DISCONTINUITY", "init-1.mp4");
        List<Ffprobe.Packet> periods = new ArrayList<>();
        for (int period : recorder.periods.keySet()) {
            var file = new java.io.ByteArrayOutputStream();
            file.writeBytes(recorder.files.get("init-" + period + ".mp4"));
            recorder.segments.stream().filter(end -> end.period() == period)
                    .forEach(end -> file.writeBytes(recorder.files.get("seg-" + end.segment() + ".m4s")));
            Path alone = Files.write(folder.resolve("period-" + period + ".mp4"), file.toByteArray());
            periods.addAll(Ffprobe.packets(alone));
            Ffprobe.decodesWithoutError(alone);
        }
        RealClipsRecordingTest.assertSameFrames(expected, periods);

        Path mp4 = Files.write(mp4File(folder), recorder.mp4());
        RealClipsRecordingTest.assertSameFrames(expected, Ffprobe.packetsOfSwitchingTracks(mp4));
    }

    /** Three seconds of 320x240 H.264 with AAC at {@code sampleRate}, as FLV, made by ffmpeg. */
    private static byte[] encode(Path folder, int sampleRate) throws IOException {
        Path flv = folder.resolve("audio-" + sampleRate + ".flv");
        Processes.Result result = Processes.run(Duration.ofSeconds(60), List.of(ExternalTool.require("ffmpeg").toString(),
                "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=" + sampleRate, "-t", "3", "-c:v", "libx264", "-g", "25",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-ar", Integer.toString(sampleRate), "-f", "flv", flv.toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return Files.readAllBytes(flv);
    }
}

package io.sluice.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.media.flv.FlvTagType;
import io.sluice.media.testing.Ffprobe;
import io.sluice.media.testing.OpusClip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opus over Enhanced RTMP, which no encoder here writes into FLV: libopus packets made by ffmpeg are wrapped in
 * E-RTMP audio tags (an {@code Opus} SequenceStart with the OpusHead, then CodedFrames), recorded, and read back
 * by ffprobe as Opus in CMAF with every packet byte for byte.
 */
class OpusRecordingTest {

    @Test
    void opusIsRecordedPacketForPacket(@TempDir Path folder) throws IOException {
        OpusClip clip = OpusClip.encode(folder, 5);
        assertThat(clip.packets()).hasSizeGreaterThan(200);

        List<Recorder.Input> inputs = new ArrayList<>();
        inputs.add(new Recorder.Input(1, FlvTagType.AUDIO, 0, clip.sequenceStart()));
        for (OpusClip.Packet packet : clip.packets()) {
            inputs.add(new Recorder.Input(inputs.size() + 1, FlvTagType.AUDIO, packet.millis(),
                    OpusClip.codedFrames(packet)));
        }
        Recorder recorder = new Recorder(SegmenterSettings.DEFAULTS);
        recorder.feedAll(inputs);
        recorder.endSession();
        Path playlist = recorder.writeTo(folder);
        Path mp4 = folder.resolve("recording.mp4");
        Files.write(mp4, recorder.mp4());

        List<String> expected = clip.packets().stream().map(p -> Ffprobe.sha256(p.data(), 0, p.data().length)).toList();
        for (Path recording : List.of(playlist, mp4)) {
            assertThat(Ffprobe.streams(recording).getFirst()).containsEntry("codec_name", "opus")
                    .containsEntry("channels", "2").containsEntry("sample_rate", "48000");
            assertThat(Ffprobe.packets(recording, "audio")).extracting(Ffprobe.Packet::sha256)
                    .containsExactlyElementsOf(expected);
            Ffprobe.decodesWithoutError(recording);
        }
    }
}

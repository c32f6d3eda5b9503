package io.sluice.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.media.codec.ImmutableBytes;
import io.sluice.media.ertmp.AudioFourCc;
import io.sluice.media.ertmp.AudioPacket;
import io.sluice.media.ertmp.ExAudioTag;
import io.sluice.media.ertmp.TagBodyWriter;
import io.sluice.media.flv.FlvTagType;
import io.sluice.media.testing.ExternalTool;
import io.sluice.media.testing.Ffprobe;
import io.sluice.media.testing.Processes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opus over Enhanced RTMP, which no encoder here writes into FLV: libopus packets made by ffmpeg are wrapped in
 * E-RTMP audio tags (an {@code Opus} SequenceStart with the OpusHead, then CodedFrames), recorded, and read back
 * by ffprobe as Opus in CMAF with every packet byte for byte.
 */
class OpusRecordingTest {

    private record Packet(long pts, byte[] data) {
    }

    @Test
    void opusIsRecordedPacketForPacket(@TempDir Path folder) throws IOException {
        Path ogg = folder.resolve("source.ogg");
        Processes.Result encoded = Processes.run(Duration.ofSeconds(60), List.of(ExternalTool.require("ffmpeg").toString(),
                "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=5", "-c:a", "libopus",
                "-b:a", "48k", "-ac", "2", ogg.toString()));
        assertThat(encoded.exitCode()).as(encoded.output()).isZero();
        byte[] opusHead = hexDump(Processes.run(Duration.ofSeconds(30), List.of(ExternalTool.require("ffprobe").toString(),
                "-v", "error", "-show_entries", "stream=extradata", "-show_data", ogg.toString())).output());
        List<Packet> packets = packets(ogg);
        assertThat(packets).hasSizeGreaterThan(200);

        List<Recorder.Input> inputs = new ArrayList<>();
        inputs.add(new Recorder.Input(1, FlvTagType.AUDIO, 0, TagBodyWriter.encode(ExAudioTag.of(
                new AudioPacket.SequenceStart(AudioFourCc.OPUS, ImmutableBytes.copyOf(opusHead))))));
        long first = packets.getFirst().pts();
        for (Packet packet : packets) {
            inputs.add(new Recorder.Input(inputs.size() + 1, FlvTagType.AUDIO, (packet.pts() - first) / 48,
                    TagBodyWriter.encode(ExAudioTag.of(new AudioPacket.CodedFrames(AudioFourCc.OPUS,
                            ImmutableBytes.copyOf(packet.data()))))));
        }
        Recorder recorder = new Recorder(SegmenterSettings.DEFAULTS);
        recorder.feedAll(inputs);
        recorder.endSession();
        Path playlist = recorder.writeTo(folder);
        Path mp4 = folder.resolve("recording.mp4");
        Files.write(mp4, recorder.mp4());

        List<String> expected = packets.stream().map(p -> Ffprobe.sha256(p.data(), 0, p.data().length)).toList();
        for (Path recording : List.of(playlist, mp4)) {
            assertThat(Ffprobe.streams(recording).getFirst()).containsEntry("codec_name", "opus")
                    .containsEntry("channels", "2").containsEntry("sample_rate", "48000");
            assertThat(Ffprobe.packets(recording, "audio")).extracting(Ffprobe.Packet::sha256)
                    .containsExactlyElementsOf(expected);
            Ffprobe.decodesWithoutError(recording);
        }
    }

    /** The packets of a file with their bytes, from ffprobe's hex dumps. */
    private static List<Packet> packets(Path file) {
        String output = Processes.run(Duration.ofSeconds(60), List.of(ExternalTool.require("ffprobe").toString(), "-v",
                "error", "-show_entries", "packet=pts,data", "-show_data", file.toString())).output();
        List<Packet> packets = new ArrayList<>();
        for (String block : output.split("\\[/PACKET]")) {
            int pts = block.indexOf("pts=");
            if (pts < 0) {
                continue;
            }
            long value = Long.parseLong(block.substring(pts + 4, block.indexOf('\n', pts)).strip());
            packets.add(new Packet(value, hexDump(block.substring(block.indexOf("data=")))));
        }
        return packets;
    }

    /** The bytes of ffprobe's {@code 00000000: 4f70 7573 ...} lines. */
    private static byte[] hexDump(String text) {
        var out = new ByteArrayOutputStream();
        for (String line : text.split("\n")) {
            if (line.matches("[0-9a-f]{8}: .*")) {
                String hex = line.substring(10, Math.min(line.length(), 49)).replace(" ", "");
                out.writeBytes(HexFormat.of().parseHex(hex));
            }
        }
        return out.toByteArray();
    }
}

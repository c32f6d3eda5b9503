package io.sluice.media.testing;

import io.sluice.media.codec.ImmutableBytes;
import io.sluice.media.ertmp.AudioFourCc;
import io.sluice.media.ertmp.AudioPacket;
import io.sluice.media.ertmp.ExAudioTag;
import io.sluice.media.ertmp.TagBodyWriter;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Opus made by ffmpeg's libopus (a 440 Hz stereo sine at 48 kHz, 48 kbit/s, in Ogg) and read back packet by
 * packet with ffprobe, for tests that send Opus over Enhanced RTMP, which no encoder here writes into FLV.
 *
 * @param opusHead the stream's OpusHead, what an E-RTMP {@code Opus} SequenceStart carries
 * @param packets the packets in order, with their presentation times at 48 kHz from the first
 */
public record OpusClip(byte[] opusHead, List<Packet> packets) {

    /** One Opus packet. */
    public record Packet(long pts, byte[] data) {

        /** Its presentation time in milliseconds, as an RTMP timestamp. */
        public long millis() {
            return pts / 48;
        }
    }

    /** Encodes {@code seconds} of the sine into {@code folder} and reads it back. */
    public static OpusClip encode(Path folder, int seconds) {
        Path ogg = folder.resolve("opus-" + seconds + "s.ogg");
        Processes.Result encoded = Processes.run(Duration.ofSeconds(60), List.of(ExternalTool.require("ffmpeg").toString(),
                "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds,
                "-c:a", "libopus", "-b:a", "48k", "-ac", "2", ogg.toString()));
        if (encoded.exitCode() != 0) {
            throw new IllegalStateException("ffmpeg could not encode Opus: " + encoded.output());
        }
        byte[] opusHead = hexDump(Processes.run(Duration.ofSeconds(30), List.of(ExternalTool.require("ffprobe").toString(),
                "-v", "error", "-show_entries", "stream=extradata", "-show_data", ogg.toString())).output());
        String output = Processes.run(Duration.ofSeconds(60), List.of(ExternalTool.require("ffprobe").toString(), "-v",
                "error", "-show_entries", "packet=pts,data", "-show_data", ogg.toString())).output();
        List<Packet> packets = new ArrayList<>();
        // The first packet's time is negative (Opus pre-skip): times are counted from it.
        Long first = null;
        for (String block : output.split("\\[/PACKET]")) {
            int pts = block.indexOf("pts=");
            if (pts < 0) {
                continue;
            }
            long value = Long.parseLong(block.substring(pts + 4, block.indexOf('\n', pts)).strip());
            if (first == null) {
                first = value;
            }
            packets.add(new Packet(value - first, hexDump(block.substring(block.indexOf("data=")))));
        }
        return new OpusClip(opusHead, List.copyOf(packets));
    }

    /** The E-RTMP audio tag body of the sequence start. */
    public byte[] sequenceStart() {
        return TagBodyWriter.encode(ExAudioTag.of(new AudioPacket.SequenceStart(AudioFourCc.OPUS,
                ImmutableBytes.copyOf(opusHead))));
    }

    /** The E-RTMP audio tag body of one packet. */
    public static byte[] codedFrames(Packet packet) {
        return TagBodyWriter.encode(ExAudioTag.of(new AudioPacket.CodedFrames(AudioFourCc.OPUS,
                ImmutableBytes.copyOf(packet.data()))));
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

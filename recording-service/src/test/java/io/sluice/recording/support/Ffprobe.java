package io.sluice.recording.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testkit.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * ffprobe, the independent reader recordings are checked with: every packet of a file or an HLS playlist (also
 * over HTTP), with a SHA-256 of its bytes.
 */
public final class Ffprobe {

    /** One packet: {@code video} or {@code audio}, its key frame flag and the SHA-256 of its bytes. */
    public record Packet(String type, boolean key, String sha256) {
    }

    private Ffprobe() {
    }

    /**
     * The packets of {@code input}, video first, then audio, each track in its order: readers interleave the
     * tracks in their own ways (an FLV by arrival, HLS segment by segment), a track's order is what counts.
     */
    public static List<Packet> packets(String input) {
        return byTrack(read(input, "error"));
    }

    /**
     * The packets of an MP4 whose track has several sample descriptions, in the same form, with ffprobe's log below
     * fatal errors left out: ffmpeg's H.264 header parser is not told of the switch and complains about the
     * slices of the next configuration, while the packets, read by the demuxer, are not affected.
     */
    public static List<Packet> packetsOfSwitchingTracks(String input) {
        return byTrack(read(input, "fatal"));
    }

    private static List<Packet> byTrack(List<Packet> read) {
        List<Packet> byTrack = new ArrayList<>(read.stream().filter(p -> p.type().equals("video")).toList());
        byTrack.addAll(read.stream().filter(p -> p.type().equals("audio")).toList());
        return byTrack;
    }

    private static List<Packet> read(String input, String level) {
        String output = run(ExternalTool.require("ffprobe").toString(), "-v", level, "-show_data_hash", "SHA256",
                "-show_entries", "packet=codec_type,flags,data_hash", "-of", "compact=p=0", input);
        List<Packet> packets = new ArrayList<>();
        // A packet with side data (new parameter sets where a track switches sample descriptions) has the empty
        // side data section break its line before the data hash: the continuation starts with the separator.
        for (String line : output.replace("|\n|", "|").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (String field : line.split("\\|")) {
                int eq = field.indexOf('=');
                assertThat(eq).as("ffprobe said: %s", line).isPositive();
                fields.put(field.substring(0, eq), field.substring(eq + 1));
            }
            packets.add(new Packet(fields.get("codec_type"), fields.get("flags").startsWith("K"),
                    fields.get("data_hash").substring("SHA256:".length())));
        }
        return packets;
    }

    /** {@code codec_name}, {@code codec_tag_string}, {@code width}, ... of each stream. */
    public static List<Map<String, String>> streams(String input) {
        String output = run(ExternalTool.require("ffprobe").toString(), "-v", "error", "-show_entries",
                "stream=codec_type,codec_name,codec_tag_string,width,height", "-of", "compact=p=0", input);
        List<Map<String, String>> streams = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (String field : line.split("\\|")) {
                int eq = field.indexOf('=');
                fields.put(field.substring(0, eq), field.substring(eq + 1));
            }
            streams.add(fields);
        }
        return streams;
    }

    /** ffmpeg decodes every frame of {@code input} without reporting an error. */
    public static void decodesWithoutError(String input) {
        String output = run(ExternalTool.require("ffmpeg").toString(), "-v", "error", "-xerror", "-i", input, "-f",
                "null", "-");
        assertThat(output.strip()).as("ffmpeg's errors decoding %s", input).isEmpty();
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), output).isZero();
            return output;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

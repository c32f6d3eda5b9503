package io.sluice.media.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** ffprobe, the independent reader every written file is checked with: packets, their timing and a hash of their bytes. */
public final class Ffprobe {

    /** One packet as ffprobe reads it; {@code sha256} is the hex SHA-256 of its bytes. */
    public record Packet(String type, long pts, long dts, int size, boolean key, String sha256) {
    }

    private Ffprobe() {
    }

    /** Every packet of {@code input} (a file or a playlist), in the order ffprobe reads them. */
    public static List<Packet> packets(Path input) {
        return read(input, "error");
    }

    /**
     * Every packet of an MP4 whose track has several sample descriptions, with ffprobe's log below fatal errors
     * left out: ffmpeg's H.264 header parser is not told of the switch and complains about the slices of the
     * next configuration, while the packets, read by the demuxer, are not affected.
     */
    public static List<Packet> packetsOfSwitchingTracks(Path input) {
        return read(input, "fatal");
    }

    private static List<Packet> read(Path input, String level) {
        Processes.Result result = Processes.run(Duration.ofSeconds(60), List.of(
                ExternalTool.require("ffprobe").toString(), "-v", level, "-allowed_extensions", "ALL",
                "-show_data_hash", "SHA256", "-show_entries", "packet=codec_type,pts,dts,size,flags,data_hash",
                "-of", "compact=p=0", input.toString()));
        assertThat(result.exitCode()).as("ffprobe of %s: %s", input, result.output()).isZero();
        List<Packet> packets = new ArrayList<>();
        // A packet with side data (new parameter sets where a track switches sample descriptions) has the empty
        // side data section break its line before the data hash: the continuation starts with the separator.
        for (String line : result.output().replace("|\n|", "|").split("\n")) {
            if (!line.startsWith("codec_type=")) {
                assertThat(line.isBlank()).as("ffprobe said: %s", line).isTrue();
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (String field : line.split("\\|")) {
                int eq = field.indexOf('=');
                fields.put(field.substring(0, eq), field.substring(eq + 1));
            }
            packets.add(new Packet(fields.get("codec_type"), number(fields.get("pts")), number(fields.get("dts")),
                    Integer.parseInt(fields.get("size")), fields.get("flags").startsWith("K"),
                    fields.get("data_hash").substring("SHA256:".length())));
        }
        return packets;
    }

    /** The packets of one type ({@code video}, {@code audio}). */
    public static List<Packet> packets(Path input, String type) {
        return packets(input).stream().filter(p -> p.type().equals(type)).toList();
    }

    /** What ffprobe says about a file's streams: {@code codec_name}, {@code width}, ... of each, in order. */
    public static List<Map<String, String>> streams(Path input) {
        Processes.Result result = Processes.run(Duration.ofSeconds(60), List.of(
                ExternalTool.require("ffprobe").toString(), "-v", "error", "-allowed_extensions", "ALL",
                "-show_entries", "stream=codec_type,codec_name,codec_tag_string,profile,width,height,sample_rate,channels",
                "-of", "compact=p=0", input.toString()));
        assertThat(result.exitCode()).as("ffprobe of %s: %s", input, result.output()).isZero();
        List<Map<String, String>> streams = new ArrayList<>();
        for (String line : result.output().split("\n")) {
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

    /** Decodes every frame of {@code input} and fails on any error ffmpeg reports. */
    public static void decodesWithoutError(Path input) {
        List<String> command = new ArrayList<>(List.of(ExternalTool.require("ffmpeg").toString(), "-v", "error",
                "-xerror"));
        if (input.toString().endsWith(".m3u8")) {
            command.addAll(List.of("-allowed_extensions", "ALL"));
        }
        command.addAll(List.of("-i", input.toString(), "-f", "null", "-"));
        Processes.Result result = Processes.run(Duration.ofSeconds(120), command);
        assertThat(result.exitCode()).as("decoding %s: %s", input, result.output()).isZero();
        assertThat(result.output().strip()).as("ffmpeg's errors decoding %s", input).isEmpty();
    }

    /** The hex SHA-256 of a byte range, as ffprobe's data hash would be. */
    public static String sha256(byte[] data, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data, offset, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static long number(String value) {
        return value == null || value.equals("N/A") ? Long.MIN_VALUE : Long.parseLong(value);
    }
}

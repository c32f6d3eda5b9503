package io.sluice.recording;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sluice.media.flv.FlvTag;
import io.sluice.recording.support.Ffprobe;
import io.sluice.recording.support.FlvClips;
import io.sluice.recording.support.HlsValidator;
import io.sluice.recording.support.MediaPublisher;
import io.sluice.recording.support.Mp4Downloads;
import io.sluice.recording.support.TestStream;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An encoder that changes its video configuration in mid-session (here from 320x240 Constrained Baseline to
 * 426x240 High, as when a streamer changes the output resolution): the recording goes on in a new period, with
 * an {@code EXT-X-DISCONTINUITY} and its own {@code EXT-X-MAP}, every frame of both halves plays back byte for
 * byte, and the MP4 download carries both configurations as sample descriptions of its one video track. Each
 * period is read with its own init segment, as a player that follows {@code EXT-X-MAP} does (ffmpeg's HLS reader
 * keeps the first init segment's parameter sets).
 */
@QuarkusTest
class CodecChangeTest {

    private static final Pattern MAP = Pattern.compile("#EXT-X-MAP:URI=\"([^\"]+)\"");

    @Test
    void aConfigurationChangeStartsAPeriodAndLosesNoFrame(@TempDir Path folder) throws Exception {
        List<FlvTag> first = FlvClips.tags(TestMedia.testsrcClip());
        List<FlvTag> second = FlvClips.tags(TestMedia.file("codec-h264-aac.flv"));
        try (TestStream stream = TestStream.create(DemoUser.ALICE, true, 0)) {
            String session = MediaPublisher.newSession();
            stream.publisher.sessionStarted(session, Instant.now());
            stream.publisher.media(session, first, 1, 0);
            long after = first.getLast().timestamp() + 40;
            stream.publisher.media(session, second, first.size() + 1, after);
            stream.publisher.sessionEnded(session, Instant.now(), Instant.now());

            JsonPath recording = stream.awaitRecordings(1, "ready").getFirst();
            String playback = RecordingFlowTest.local(recording.getString("playback_url"));
            String vod = given().when().get(playback).then().statusCode(200).extract().asString();
            HlsValidator.validate(vod);
            List<String> maps = new ArrayList<>();
            for (Matcher map = MAP.matcher(vod); map.find(); ) {
                maps.add(map.group(1));
            }
            assertThat(maps).as(vod).containsExactly("init-0.mp4", "init-1.mp4");
            assertThat(vod.indexOf("#EXT-X-DISCONTINUITY")).as(vod).isPositive()
                    .isLessThan(vod.indexOf("init-1.mp4"));

            List<Ffprobe.Packet> expected = concatenated(copy(folder, TestMedia.testsrcClip(), "first.flv"),
                    copy(folder, TestMedia.file("codec-h264-aac.flv"), "second.flv"));
            assertThat(periods(playback, vod, folder)).isEqualTo(expected);

            Path download = Mp4Downloads.fetch(recording, DemoUser.ALICE, folder.resolve("download.mp4"));
            assertThat(Ffprobe.packetsOfSwitchingTracks(download.toString())).isEqualTo(expected);
        }
    }

    /** The packets of each period of a VOD playlist, its init segment and segments read as one file, in order. */
    private static List<Ffprobe.Packet> periods(String playlistPath, String playlist, Path folder) throws java.io.IOException {
        String base = playlistPath.substring(0, playlistPath.lastIndexOf('/') + 1);
        List<java.io.ByteArrayOutputStream> periods = new ArrayList<>();
        for (String line : playlist.split("\n")) {
            Matcher map = MAP.matcher(line);
            if (map.find()) {
                periods.add(new java.io.ByteArrayOutputStream());
                periods.getLast().writeBytes(fetch(base + map.group(1)));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                periods.getLast().writeBytes(fetch(base + line.strip()));
            }
        }
        List<Ffprobe.Packet> packets = new ArrayList<>();
        for (int period = 0; period < periods.size(); period++) {
            Path file = Files.write(folder.resolve("period-" + period + ".mp4"), periods.get(period).toByteArray());
            packets.addAll(Ffprobe.packets(file.toString()));
        }
        List<Ffprobe.Packet> byTrack = new ArrayList<>();
        for (String type : List.of("video", "audio")) {
            packets.stream().filter(p -> p.type().equals(type)).forEach(byTrack::add);
        }
        return byTrack;
    }

    private static byte[] fetch(String path) {
        return given().when().get(path).then().statusCode(200).extract().asByteArray();
    }

    private static Path copy(Path folder, Path clip, String name) throws java.io.IOException {
        return Files.copy(clip, folder.resolve(name));
    }

    /** The packets of two files played one after the other: each track of the first, then of the second. */
    private static List<Ffprobe.Packet> concatenated(Path first, Path second) {
        List<Ffprobe.Packet> a = Ffprobe.packets(first.toString());
        List<Ffprobe.Packet> b = Ffprobe.packets(second.toString());
        List<Ffprobe.Packet> all = new ArrayList<>();
        for (String type : List.of("video", "audio")) {
            a.stream().filter(p -> p.type().equals(type)).forEach(all::add);
            b.stream().filter(p -> p.type().equals(type)).forEach(all::add);
        }
        return all;
    }
}
